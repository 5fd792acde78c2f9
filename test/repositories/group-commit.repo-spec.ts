import { randomUUID } from 'node:crypto';
import { IdempotencyService } from '../../src/common/idempotency/index.js';
import { toOrderView } from '../../src/orders/order-view.mapper.js';
import type { Order } from '../../src/orders/order.js';
import type { PendingOrderDraft } from '../../src/orders/orders.repository.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition never held');
}

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

  const lockWaiters = async () => {
    const [row] = await tier.prisma.$queryRaw<Array<{ waiting: number }>>`SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    return row!.waiting;
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

  it('still claims the others when two orders of one shared statement take the same reference: that one writes nothing', async () => {
    // All 4 slots are taken by claims waiting on an uncommitted row of reference `held`, so the 8
    // orders below queue and go out as ONE statement, in which two take the same reference.
    const held = `ORD-${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = false;
    const holder = tier.prisma.$transaction(async (tx) => {
      await tx.order.create({ data: { shopId: 'partnershop', orderReference: held, amountCents: 100000, status: 'pending', callbackSecret: randomUUID() } });
      inserted = true;
      await gate;
      throw new Error('rolled back by the test');
    }, { timeout: 20_000 }).catch(() => undefined);
    await waitFor(async () => inserted);
    const blockers = Array.from({ length: 4 }, () => claimNew(draft(held)).then((order) => (order ? 'claimed' : 'not written'), (error: { code?: string }) => error.code));
    await waitFor(async () => (await lockWaiters()) >= 4);

    const twin = `ORD-${randomUUID()}`;
    const drafts = [draft(twin), { ...draft(twin), creationIdempotencyKey: `twin-${randomUUID()}` }, ...Array.from({ length: 6 }, () => draft())];
    const batch = Promise.all(drafts.map((pending) => claimNew(pending).then((order) => (order ? 'claimed' : 'not written'), (error: { code?: string }) => error.code)));
    release();
    await holder;
    const blocked = await Promise.all(blockers);
    expect(blocked.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    expect(blocked.filter((outcome) => outcome !== 'claimed' && outcome !== 'not written' && outcome !== 'ORDER.CREATION_PENDING')).toEqual([]);

    // PostgreSQL refused the shared statement (the unique reference); each part ran again alone, in order.
    expect(await batch).toEqual(['claimed', 'not written', ...Array(6).fill('claimed')]);
    const others = drafts.slice(2).map((pending) => pending.orderReference);
    expect(await transactionsOf('orders', 'orderReference', others)).toBe(6); // each its own commit: the re-runs
    expect(await tier.prisma.order.count({ where: { orderReference: { in: [twin, ...others] } } })).toBe(7);
    // The twin that lost wrote nothing, not even its key.
    expect(await tier.prisma.idempotencyRecord.count({ where: { key: drafts[1]!.creationIdempotencyKey! } })).toBe(0);
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
