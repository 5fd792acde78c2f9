import { CLAIM_LEASE_MS } from '../../src/orders/release-claim.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/** The resolution of an unknown release and the merchant's cancellation, decided by PostgreSQL. */
describe('release resolutions and merchant cancellations in the database', () => {
  let tier: RepositoryTier;
  const now = new Date('2026-11-29T10:00:00.000Z');
  const later = new Date(now.getTime() + CLAIM_LEASE_MS + 60_000);

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  it('never lets an expired claim settle the claim made after a not_released resolution (fenced by attempt)', async () => {
    const { id } = await tier.insertOrder({ status: 'approved' });
    const expired = (await tier.orders.releases.claimNow(id, 100000, now))!;
    expect(await tier.orders.releases.expireClaims(later)).toBeGreaterThanOrEqual(1);
    const resolved = await tier.orders.resolutions.resolve(id, { outcome: 'not_released', note: 'n', actor: 'ops-anna', now: later });
    expect(resolved).toMatchObject({ kind: 'resolved', order: { releaseStatus: 'none' } });
    const fresh = (await tier.orders.releases.claimNow(id, 100000, later, undefined, 'ops-anna'))!;
    expect(fresh.attempt).toBe(expired.attempt + 1);
    // The dead instance wakes up with Soisy's 204 for its old attempt: it lands nowhere.
    expect(await tier.orders.releases.settle(expired, { status: 'released', releasedAt: later, eventType: 'release.succeeded' })).toBeUndefined();
    expect((await tier.orders.findByIdOrThrow(id)).releaseStatus).toBe('in_progress');
  });

  it('resolves once under 8 concurrent resolutions; the same outcome repeats, the other is refused', async () => {
    const { id } = await tier.insertOrder({ status: 'approved', releaseStatus: 'unknown', releaseAttempts: 1, releaseAmountCents: 100000 });
    const results = await concurrently(8, (index) =>
      tier.orders.resolutions.resolve(id, { outcome: index % 2 === 0 ? 'released' : 'not_released', note: 'n', actor: 'ops-anna', now }));
    expect(results.filter((result) => result.kind === 'resolved')).toHaveLength(1);
    const winner = results.find((result) => result.kind === 'resolved')!;
    const winning = winner.kind === 'resolved' ? winner.order.releaseStatus : undefined;
    for (const result of results.filter((candidate) => candidate.kind !== 'resolved')) {
      expect(result.kind === 'repeated' ? result.order.releaseStatus : (result as { releaseStatus: string }).releaseStatus).toBe(winning);
    }
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id } });
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe('ops-anna');
  });

  it('lets exactly one of a release claim and a cancellation win, however they interleave', async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = await tier.insertOrder({ status: 'approved' });
      const [claim, cancellation] = await Promise.all([
        tier.orders.releases.claimNow(id, 100000, now),
        tier.orders.cancellation.cancel(id, { reason: 'race', actor: 'ops-anna', now }),
      ]);
      expect([claim !== undefined, cancellation.kind === 'cancelled']).toContainEqual(true);
      expect(claim !== undefined && cancellation.kind === 'cancelled').toBe(false);
      const order = await tier.orders.findByIdOrThrow(id);
      expect(order.status === 'cancelled').toBe(cancellation.kind === 'cancelled');
      expect(order.releaseStatus === 'in_progress').toBe(claim !== undefined);
    }
  });

  it('fails a scheduled release with the cancellation, so the scheduler claims nothing', async () => {
    const { id } = await tier.insertOrder({ status: 'approved', releaseStatus: 'scheduled', releaseAmountCents: 100000, releaseAt: now, releaseNextAttemptAt: now });
    expect((await tier.orders.cancellation.cancel(id, { reason: 'r', actor: 'ops-anna', now })).kind).toBe('cancelled');
    const claims = await tier.orders.releases.claimDue(later, 100);
    expect(claims.map((claim) => claim.id)).not.toContain(id);
    const types = (await tier.prisma.orderEvent.findMany({ where: { orderId: id }, orderBy: { createdAt: 'asc' } })).map((event) => `${event.type}:${event.actor}`);
    expect(types).toEqual(['order.merchant_cancelled:ops-anna', 'release.failed:ops-anna']);
  });
});
