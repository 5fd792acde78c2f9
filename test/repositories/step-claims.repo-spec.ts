import type { OrderStatus } from '../../src/orders/order.js';
import type { OrdersRepository } from '../../src/orders/orders.repository.js';
import { STEP_CLAIM_LEASE_MS } from '../../src/orders/step-claim.js';
import type { PrismaService } from '../../src/prisma/prisma.service.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/** The claim itself, on real PostgreSQL: what decides which request may call Soisy. */
describe('the checkout step claim in the database', () => {
  let tier: RepositoryTier;
  let claims: OrdersRepository['steps'];
  let prisma: PrismaService;
  const now = new Date('2026-11-29T10:00:00.000Z');

  beforeAll(async () => {
    tier = await startRepositoryTier();
    claims = tier.orders.steps;
    prisma = tier.prisma;
  });
  afterAll(() => tier.t.close());

  const order = async (status: OrderStatus) => (await tier.insertOrder({ status })).id;

  it('is won by exactly one of many concurrent requests', async () => {
    const id = await order('requested');
    const results = await concurrently(16, (i) => claims.claim(id, i % 2 ? 'approval' : 'loan_request', now));
    expect(results.filter((claim) => claim !== undefined)).toHaveLength(1);
  });

  it('cannot be won while held, can once its lease has run out, and the old holder cannot free the new claim', async () => {
    const id = await order('requested');
    const first = await claims.claim(id, 'approval', now);
    expect(first).toBeDefined();
    expect(await claims.claim(id, 'approval', new Date(now.getTime() + STEP_CLAIM_LEASE_MS - 1))).toBeUndefined();

    const second = await claims.claim(id, 'approval', new Date(now.getTime() + STEP_CLAIM_LEASE_MS));
    expect(second).toBeDefined();
    await claims.release(first!);
    expect(await prisma.order.findUnique({ where: { id } })).toMatchObject({ stepClaim: 'approval', stepClaimId: second!.id });

    await claims.release(second!);
    expect(await prisma.order.findUnique({ where: { id } })).toMatchObject({ stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null });
    expect(await claims.claim(id, 'loan_request', now)).toBeDefined();
  });

  it('is refused when the order\'s status does not allow the step', async () => {
    expect(await claims.claim(await order('created'), 'approval', now)).toBeUndefined();
    expect(await claims.claim(await order('approved'), 'loan_request', now)).toBeUndefined();
    expect(await claims.claim(await order('created'), 'loan_request', now)).toBeDefined();
  });
});
