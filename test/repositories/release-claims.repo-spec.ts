import { CLAIM_LEASE_MS } from '../../src/orders/release-claim.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/** Who may send a match-trigger, decided by PostgreSQL: each claim is won once, whatever the concurrency. */
describe('the release claims in the database', () => {
  let tier: RepositoryTier;
  const now = new Date('2026-11-29T10:00:00.000Z');
  const due = new Date(now.getTime() - 60_000);

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  const scheduled = (count: number, at = due) =>
    concurrently(count, () => tier.insertOrder({ status: 'approved', releaseStatus: 'scheduled', releaseAmountCents: 100000, releaseAt: at, releaseNextAttemptAt: at }));
  /** Makes earlier tests' rows not due, so each test counts only its own. */
  const parkAll = () => tier.prisma.order.updateMany({ where: { releaseStatus: 'scheduled' }, data: { releaseStatus: 'none' } });

  it('lets exactly one of 16 concurrent "release now" requests win an order, with one attempt event', async () => {
    const { id } = await tier.insertOrder({ status: 'approved' });
    const claims = await concurrently(16, () => tier.orders.releases.claimNow(id, 100000, now));
    expect(claims.filter((claim) => claim !== undefined)).toEqual([expect.objectContaining({ id, attempt: 1, source: 'api' })]);
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id } });
    expect(events.map((event) => event.type)).toEqual(['release.attempt_started']);
  });

  it('claims no more due releases than the batch LIMIT, the earliest due first', async () => {
    await parkAll();
    const orders = await scheduled(5);
    const earliest = orders[3];
    await tier.prisma.order.update({ where: { id: earliest.id }, data: { releaseNextAttemptAt: new Date(due.getTime() - 60_000) } });
    const claims = await tier.orders.releases.claimDue(now, 2);
    expect(claims).toHaveLength(2);
    expect(claims.map((claim) => claim.id)).toContain(earliest.id);
    expect(await tier.prisma.order.count({ where: { releaseStatus: 'in_progress', id: { in: orders.map((order) => order.id) } } })).toBe(2);
  });

  it('gives 16 concurrent schedulers disjoint rows: every due release claimed exactly once', async () => {
    await parkAll();
    const orders = await scheduled(6);
    const batches = await concurrently(16, () => tier.orders.releases.claimDue(now, 1));
    const claimed = batches.flat().map((claim) => claim.id);
    expect(claimed.sort()).toEqual(orders.map((order) => order.id).sort());
  });

  it('leaves releases not yet due, or of unreleasable orders, alone', async () => {
    await parkAll();
    await scheduled(1, new Date(now.getTime() + 60_000));
    await tier.insertOrder({ status: 'cancelled', releaseStatus: 'scheduled', releaseAmountCents: 100000, releaseNextAttemptAt: due });
    expect(await tier.orders.releases.claimDue(now, 10)).toEqual([]);
  });

  it('settles only the attempt that was claimed, and expires a claim past its lease into unknown', async () => {
    const { id } = await tier.insertOrder({ status: 'approved' });
    const claim = (await tier.orders.releases.claimNow(id, 100000, now))!;
    const stale = { ...claim, attempt: claim.attempt + 1 };
    expect(await tier.orders.releases.settle(stale, { status: 'released', eventType: 'release.succeeded' })).toBeUndefined();

    expect(await tier.orders.releases.expireClaims(new Date(now.getTime() + CLAIM_LEASE_MS + 1))).toBeGreaterThanOrEqual(1);
    expect(await tier.prisma.order.findUnique({ where: { id } })).toMatchObject({ releaseStatus: 'unknown' });
    // Soisy's success is the better knowledge: it still lands on the expired claim.
    const settled = await tier.orders.releases.settle(claim, { status: 'released', releasedAt: now, eventType: 'release.succeeded' });
    expect(settled).toMatchObject({ releaseStatus: 'released' });
  });
});
