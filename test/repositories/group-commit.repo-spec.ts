import { randomUUID } from 'node:crypto';
import { IdempotencyService } from '../../src/common/idempotency/index.js';
import { toOrderView } from '../../src/orders/order-view.mapper.js';
import type { Order } from '../../src/orders/order.js';
import type { PendingOrderDraft } from '../../src/orders/orders.repository.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/**
 * Group commit (src/prisma/statement-batcher.ts) on real PostgreSQL: create order's two statements,
 * when concurrent orders share one statement and one commit. Rows a statement wrote carry its
 * transaction id (`xmin`), so a shared commit is seen in the rows themselves.
 */
describe('create orders sharing a statement and its commit', () => {
  let tier: RepositoryTier;
  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  const draft = (orderReference = `ORD-${randomUUID()}`): PendingOrderDraft => {
    const now = new Date();
    return {
      shopId: 'partnershop', orderReference, amountCents: 100000, instalments: 12, zeroInterestRate: null, fiscalCode: null, successUrl: null,
      errorUrl: null, callbackSecret: randomUUID(), creationStartedAt: now, creationEndsBy: new Date(now.getTime() + 15_000),
      creationIdempotencyKey: `key-${orderReference}`, creationRequestHash: 'hash',
    };
  };
  /** claimNew as create order calls it: the idempotency record in the same statement. */
  const claimNew = (pending: PendingOrderDraft) => {
    const idempotency = tier.t.app.get(IdempotencyService);
    const idem = idempotency.identify('POST /v1/orders', pending.creationIdempotencyKey!, { method: 'POST', route: '/v1/orders', body: { reference: pending.orderReference } });
    return tier.orders.creation.claimNew(pending, (onlyIf) => idempotency.beginStatement(idem, onlyIf));
  };
  const transactionsOf = async (table: 'orders' | 'idempotency_records', column: string, values: string[]) => {
    const rows = await tier.prisma.$queryRawUnsafe<Array<{ xid: string }>>(`SELECT DISTINCT xmin::text AS xid FROM ${table} WHERE "${column}" = ANY($1)`, values);
    return rows.length;
  };

  it('claims 16 concurrent new orders in fewer commits than orders, each with its own row, event and idempotency record', async () => {
    const drafts = Array.from({ length: 16 }, () => draft());
    const claimed = await concurrently(16, (index) => claimNew(drafts[index]!));
    expect(claimed.map((order) => order?.orderReference)).toEqual(drafts.map((pending) => pending.orderReference));
    const references = drafts.map((pending) => pending.orderReference);
    const rows = await tier.prisma.order.findMany({ where: { orderReference: { in: references } }, include: { events: true } });
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'pending', creationIdempotencyKey: `key-${row.orderReference}` });
      expect(row.events.map((event) => event.type)).toEqual(['order.creation_started']);
    }
    expect(await tier.prisma.idempotencyRecord.count({ where: { key: { in: references.map((reference) => `key-${reference}`) } } })).toBe(16);
    // Shared (PrismaService's BATCH): the first 4 go out alone on the 4 free slots, the 12 that find
    // them taken share 2 statements; 6 commits, not 16.
    expect(await transactionsOf('orders', 'orderReference', references)).toBeLessThanOrEqual(6);
  });

  it('still claims the others when two orders of a shared statement take the same reference: that one is told it is pending', async () => {
    const drafts = Array.from({ length: 8 }, () => draft());
    const twin = { ...draft(drafts[3]!.orderReference), creationIdempotencyKey: `twin-${randomUUID()}` };
    const outcomes = await concurrently(9, (index) => claimNew(index === 8 ? twin : drafts[index]!)
      .then((order) => (order ? 'claimed' : 'not written'), (error: { code?: string }) => error.code));
    // PostgreSQL refused the shared statement (the unique reference): each part ran again alone.
    expect(outcomes.slice(0, 8).filter((outcome, index) => index !== 3)).toEqual(Array(7).fill('claimed'));
    expect([outcomes[3], outcomes[8]].sort()).toEqual(expect.arrayContaining(['claimed']));
    expect([outcomes[3], outcomes[8]].filter((outcome) => outcome !== 'claimed')).toEqual([expect.stringMatching(/^(ORDER\.CREATION_PENDING|not written)$/)]);
    expect(await tier.prisma.order.count({ where: { orderReference: { in: drafts.map((pending) => pending.orderReference) } } })).toBe(8);
    // The loser wrote nothing, not even its key.
    const keys = [twin, drafts[3]!].map((pending) => pending.creationIdempotencyKey!);
    expect(await tier.prisma.idempotencyRecord.count({ where: { key: { in: keys } } })).toBe(1);
  });

  it('completes 8 concurrent orders in a shared commit, each merchant event carrying its own order\'s view and history only', async () => {
    const orders = (await Promise.all(Array.from({ length: 8 }, () => claimNew(draft())))) as Order[];
    const tokens = orders.map(() => `tok-${randomUUID()}`);
    await concurrently(8, (index) => tier.orders.creation.complete(orders[index]!, { token: tokens[index]!, redirectUrl: `https://soisy.example/funnel#${tokens[index]}` }));
    for (const [index, order] of orders.entries()) {
      const stored = await tier.orders.findByTokenWithEventsOrThrow(tokens[index]!);
      expect(stored).toMatchObject({ id: order.id, status: 'created' });
      const [event, ...more] = await tier.prisma.merchantEvent.findMany({ where: { orderId: order.id } });
      expect(more).toEqual([]);
      expect((event!.payload as { data: unknown }).data).toEqual(toOrderView(stored));
      expect(toOrderView(stored).events.map((entry) => entry.type)).toEqual(['order.creation_started', 'order.created']);
    }
    expect(await transactionsOf('orders', 'token', tokens)).toBeLessThan(8);
  });
});
