import { concurrently, startRepositoryTier, type InsertedOrder, type RepositoryTier } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

/** The expiry job's claim of abandoned orders and its guarded move to `expired`, on real PostgreSQL. */
describe('expiring abandoned orders in the database', () => {
  let tier: RepositoryTier;
  const now = new Date('2026-11-29T10:00:00.000Z');
  const cutoff = new Date(now.getTime() - 30 * DAY);
  const old = (days = 0) => new Date(cutoff.getTime() - DAY - days * 1000);
  const lease = new Date(now.getTime() + 60_000);

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());
  beforeEach(() => tier.prisma.order.deleteMany());

  const statusEvent = (orderId: string, createdAt: Date, toStatus: 'created' | 'requested' | null = 'requested') =>
    tier.prisma.orderEvent.create({ data: { orderId, type: toStatus ? 'loan_request.created' : 'callback.received', source: 'api', fromStatus: toStatus ? 'created' : null, toStatus, createdAt } });

  it('claims only old created/requested orders nobody is working on, at most the LIMIT, oldest first, none twice across 16 concurrent claims', async () => {
    const due: InsertedOrder[] = [];
    for (let i = 0; i < 5; i += 1) due.push(await tier.insertOrder({ status: i % 2 ? 'requested' : 'created', createdAt: old(i) }));
    // Not due: young, another status, no token yet, a checkout step running, another claim's lease.
    await tier.insertOrder({ status: 'created', createdAt: new Date(cutoff.getTime() + DAY) });
    await tier.insertOrder({ status: 'approved', createdAt: old() });
    await tier.insertOrder({ status: 'pending', token: null, createdAt: old() });
    await tier.insertOrder({ status: 'requested', createdAt: old(), stepClaim: 'approval', stepClaimExpiresAt: new Date(now.getTime() + 1000) });
    await tier.insertOrder({ status: 'created', createdAt: old(), expiryNextCheckAt: new Date(now.getTime() + 1000) });

    const first = await tier.orders.expiry.claimDue(cutoff, now, lease, 2);
    expect(first.map((claim) => claim.id).sort()).toEqual([due[4].id, due[3].id].sort());
    expect(first.find((claim) => claim.id === due[3].id)).toEqual({ id: due[3].id, token: due[3].token, status: 'requested', leaseUntil: lease });

    const batches = await concurrently(16, () => tier.orders.expiry.claimDue(cutoff, now, lease, 1));
    expect(batches.flat().map((claim) => claim.id).sort()).toEqual(due.slice(0, 3).map((order) => order.id).sort());
    expect(await tier.orders.expiry.claimDue(cutoff, now, lease, 10)).toEqual([]);
  });

  it('measures the age from the status last entered: a recent status change keeps an old order, other recent events do not', async () => {
    const movedRecently = await tier.insertOrder({ status: 'requested', createdAt: old() });
    await statusEvent(movedRecently.id, new Date(cutoff.getTime() + 1000));
    const notedRecently = await tier.insertOrder({ status: 'created', createdAt: old() });
    await statusEvent(notedRecently.id, new Date(cutoff.getTime() + 1000), null);
    const movedLongAgo = await tier.insertOrder({ status: 'requested', createdAt: old() });
    await statusEvent(movedLongAgo.id, new Date(cutoff.getTime() - 1000));

    const claimed = await tier.orders.expiry.claimDue(cutoff, now, lease, 10);
    expect(claimed.map((claim) => claim.id).sort()).toEqual([notedRecently.id, movedLongAgo.id].sort());
  });

  it('takes a claim back once its lease has passed (its holder died or Soisy failed), not before', async () => {
    const { id } = await tier.insertOrder({ status: 'created', createdAt: old() });
    expect(await tier.orders.expiry.claimDue(cutoff, now, lease, 10)).toHaveLength(1);
    expect(await tier.orders.expiry.claimDue(cutoff, new Date(lease.getTime() - 1), lease, 10)).toEqual([]);
    const later = new Date(lease.getTime() + 60_000);
    expect(await tier.orders.expiry.claimDue(cutoff, lease, later, 10)).toEqual([expect.objectContaining({ id, leaseUntil: later })]);
  });

  it('expires a claimed order with its event and merchant event, only while it is as claimed', async () => {
    const { id } = await tier.insertOrder({ status: 'created', createdAt: old() });
    const [claim] = await tier.orders.expiry.claimDue(cutoff, now, lease, 10);

    const expired = await tier.orders.expiry.expire(claim, now, { soisyStatus: 'quote', expiryDays: 30 });
    expect(expired).toMatchObject({ id, status: 'expired', expiryNextCheckAt: null });
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id } });
    expect(events).toEqual([expect.objectContaining({ type: 'order.expired', source: 'scheduler', fromStatus: 'created', toStatus: 'expired', data: { soisyStatus: 'quote', expiryDays: 30 } })]);
    expect(await tier.prisma.merchantEvent.findMany({ where: { orderId: id }, select: { type: true } })).toEqual([{ type: 'order.expired' }]);
    // Twice is once.
    expect(await tier.orders.expiry.expire(claim, now, {})).toBeUndefined();
    expect(await tier.prisma.orderEvent.count({ where: { orderId: id } })).toBe(1);
  });

  it('leaves an order that moved, was claimed again or started a checkout step after the claim', async () => {
    const moved = await tier.insertOrder({ status: 'created', createdAt: old(1) });
    const reclaimed = await tier.insertOrder({ status: 'created', createdAt: old(2) });
    const stepping = await tier.insertOrder({ status: 'requested', createdAt: old(3) });
    const claims = new Map((await tier.orders.expiry.claimDue(cutoff, now, lease, 10)).map((claim) => [claim.id, claim]));
    expect(claims.size).toBe(3);

    await tier.orders.transition(moved.id, { to: 'requested', source: 'api', type: 'loan_request.created' });
    const later = new Date(lease.getTime() + 60_000);
    await tier.prisma.order.update({ where: { id: stepping.id }, data: { stepClaim: 'approval', stepClaimExpiresAt: later } });
    expect(await tier.orders.expiry.claimDue(cutoff, lease, later, 10)).toEqual([expect.objectContaining({ id: reclaimed.id })]);

    for (const { id } of [moved, reclaimed, stepping]) {
      expect(await tier.orders.expiry.expire(claims.get(id)!, now, {})).toBeUndefined();
      expect((await tier.orders.findById(id))!.status).not.toBe('expired');
    }
    expect(await tier.prisma.orderEvent.count({ where: { type: 'order.expired' } })).toBe(0);
  });
});
