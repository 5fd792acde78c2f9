import { randomUUID } from 'node:crypto';
import { IdempotencyService } from '../../src/common/idempotency/index.js';
import type { PendingOrderDraft } from '../../src/orders/orders.repository.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/** The pending row around the create-order call, and creation recovery's claims, on real PostgreSQL. */
describe('creating orders and recovering lost creations in the database', () => {
  let tier: RepositoryTier;
  const now = new Date('2026-11-29T10:00:00.000Z');
  const lease = new Date(now.getTime() + 90_000);

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  const draft = (orderReference = `ORD-${randomUUID()}`, instalments: number | null = 12): PendingOrderDraft => ({
    shopId: 'partnershop', orderReference, amountCents: 100000, instalments, zeroInterestRate: null, fiscalCode: null, successUrl: null,
    errorUrl: null, callbackSecret: randomUUID(), creationStartedAt: now, creationEndsBy: new Date(now.getTime() - 1000),
    creationIdempotencyKey: null, creationRequestHash: null,
  });
  const pendingIds = () => tier.prisma.order.findMany({ where: { status: 'pending' }, select: { id: true } }).then((rows) => rows.map((row) => row.id));
  const decideAll = () => tier.prisma.order.updateMany({ where: { status: 'pending' }, data: { status: 'failed' } });

  it('writes one pending row for 16 concurrent first attempts of a reference; the others are told it is pending (the unique violation)', async () => {
    const reference = `ORD-${randomUUID()}`;
    const outcomes = await concurrently(16, () => tier.orders.creation.claim(draft(reference)).then(() => 'claimed', (error: { code?: string }) => error.code));
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'claimed'))).toEqual(new Set(['ORDER.CREATION_PENDING']));
    expect(await tier.prisma.order.count({ where: { orderReference: reference } })).toBe(1);
  });

  it('claims a new reference in one statement for one of 16 concurrent first attempts with their own keys; the others write nothing, not even their key', async () => {
    const idempotency = tier.t.app.get(IdempotencyService);
    const reference = `ORD-${randomUUID()}`;
    const keys = Array.from({ length: 16 }, (_, index) => `claim-new-${reference}-${index}`);
    const outcomes = await concurrently(16, (index) => {
      const idem = idempotency.identify('POST /v1/orders', keys[index]!, { method: 'POST', route: '/v1/orders', body: { reference } });
      return tier.orders.creation.claimNew({ ...draft(reference), creationIdempotencyKey: keys[index]! }, (onlyIf) => idempotency.beginStatement(idem, onlyIf))
        .then((order) => (order ? 'claimed' : 'not written'), (error: { code?: string }) => error.code);
    });
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    // A loser either saw the row (nothing attempted) or hit the unique reference (its statement rolled back).
    expect(outcomes.filter((outcome) => !['claimed', 'not written', 'ORDER.CREATION_PENDING'].includes(outcome!))).toEqual([]);
    const [order] = await tier.prisma.order.findMany({ where: { orderReference: reference } });
    const records = await tier.prisma.idempotencyRecord.findMany({ where: { key: { in: keys } } });
    expect(records.map((record) => record.key)).toEqual([order!.creationIdempotencyKey]);
    expect(await tier.prisma.orderEvent.count({ where: { orderId: order!.id } })).toBe(1);
  });

  it('writes nothing in one statement when the key is held, and returns the row claim() would have read back', async () => {
    const idempotency = tier.t.app.get(IdempotencyService);
    const idem = idempotency.identify('POST /v1/orders', `held-${randomUUID()}`, { method: 'POST', route: '/v1/orders', body: {} });
    const first = await tier.orders.creation.claimNew(draft(), (onlyIf) => idempotency.beginStatement(idem, onlyIf));
    expect(first).toEqual(await tier.orders.findByIdOrThrow(first!.id));
    const again = draft();
    expect(await tier.orders.creation.claimNew(again, (onlyIf) => idempotency.beginStatement(idem, onlyIf))).toBeUndefined();
    expect(await tier.prisma.order.count({ where: { orderReference: again.orderReference } })).toBe(0);
  });

  it('stores the merchant\'s instalments in fixedInstalments, on creation and on a retry of a failed creation', async () => {
    const reference = `ORD-${randomUUID()}`;
    const first = await tier.orders.creation.claim(draft(reference, 12));
    expect(first).toMatchObject({ instalments: 12, fixedInstalments: 12 });
    await tier.orders.transition(first.id, { to: 'failed', source: 'api', type: 'order.creation_refused' });
    const retried = await tier.orders.creation.claim(draft(reference, null));
    expect(retried).toMatchObject({ id: first.id, status: 'pending', instalments: null, fixedInstalments: null });
    // A loan request changes the order's instalments, never the fixed ones.
    await tier.orders.creation.complete(retried, { token: `tok-${randomUUID()}`, redirectUrl: 'https://soisy/funnel' });
    const requested = await tier.orders.transition(first.id, { to: 'requested', source: 'api', type: 'loan_request.created', patch: { instalments: 24 } });
    expect(requested).toMatchObject({ instalments: 24, fixedInstalments: null });
  });

  it('claims no more pending orders for recovery than the batch LIMIT, and none twice across 16 concurrent jobs', async () => {
    await decideAll();
    for (let i = 0; i < 5; i += 1) await tier.orders.creation.claim(draft());
    expect(await tier.orders.recovery.claimDue(now, lease, 2)).toHaveLength(2);

    const batches = await concurrently(16, () => tier.orders.recovery.claimDue(now, lease, 1));
    const claimed = batches.flat().map((attempt) => attempt.id);
    expect(claimed).toHaveLength(3);
    expect(new Set(claimed).size).toBe(3);
    expect(await tier.orders.recovery.claimDue(now, lease, 10)).toEqual([]);
  });

  it('lets one of 16 concurrent retries claim a pending order for a check', async () => {
    await decideAll();
    const pending = await tier.orders.creation.claim(draft());
    const claims = await concurrently(16, () => tier.orders.recovery.claimOne(pending.id, now, lease));
    expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
    expect(await pendingIds()).toEqual([pending.id]);
  });

  it('does not adopt a Soisy order whose token another order holds (the unique violation), and leaves the row pending', async () => {
    await decideAll();
    const { token } = await tier.insertOrder();
    await tier.orders.creation.claim(draft());
    const [attempt] = await tier.orders.recovery.claimDue(now, lease, 1);
    expect(await tier.orders.recovery.adopt(attempt, { token: token!, status: 'quote' }, 'sync')).toBe(false);
    expect(await tier.prisma.order.findUnique({ where: { id: attempt.id } })).toMatchObject({ status: 'pending', token: null });
    expect(await tier.orders.recovery.adopt(attempt, { token: `tok-${randomUUID()}`, status: 'quote' }, 'sync')).toBe(true);
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: attempt.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => [event.type, event.toStatus])).toEqual([['order.creation_started', 'pending'], ['order.creation_recovered', 'created']]);
  });
});
