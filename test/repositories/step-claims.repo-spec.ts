import type { OrderStatus } from '../../src/orders/order.js';
import { toOrder } from '../../src/orders/persistence/order-row.js';
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
    await claims.release(first!.claim);
    expect(await prisma.order.findUnique({ where: { id } })).toMatchObject({ stepClaim: 'approval', stepClaimId: second!.claim.id });

    await claims.release(second!.claim);
    expect(await prisma.order.findUnique({ where: { id } })).toMatchObject({ stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null });
    expect(await claims.claim(id, 'loan_request', now)).toBeDefined();
  });

  it('is refused when the order\'s status does not allow the step', async () => {
    expect(await claims.claim(await order('created'), 'approval', now)).toBeUndefined();
    expect(await claims.claim(await order('approved'), 'loan_request', now)).toBeUndefined();
    expect(await claims.claim(await order('created'), 'loan_request', now)).toBeDefined();
  });

  it('reads the order back with the claim, as the database holds it then', async () => {
    const id = await order('requested');
    const claimed = await claims.claim(id, 'approval', now);
    const row = await prisma.order.findUniqueOrThrow({ where: { id } });
    expect(claimed!.order).toEqual({ ...row, apr: null });
    expect(claimed!.order).toMatchObject({ stepClaim: 'approval', stepClaimId: claimed!.claim.id, status: 'requested' });
  });

  describe('completing the claimed step', () => {
    const approved = { to: 'approved' as const, source: 'api' as const, type: 'approval.approved', patch: { netAmountCents: 95000, paymentDayOfMonth: 5, redirectUrl: 'https://soisy.example/sign' }, data: { netAmountCents: 95000 }, alreadyAppliedIn: ['approved' as const] };
    const eventsOf = (orderId: string) => prisma.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: 'asc' }, select: { type: true, fromStatus: true, toStatus: true } });

    it('stores the outcome, frees the claim and writes the event in one statement, and answers the row as stored', async () => {
      const id = await order('requested');
      const claimed = (await claims.claim(id, 'approval', now))!;
      const done = await claims.complete(claimed, approved);
      const row = await prisma.order.findUniqueOrThrow({ where: { id } });
      expect(done).toEqual({ ...row, apr: null });
      expect(row).toMatchObject({ status: 'approved', netAmountCents: 95000, paymentDayOfMonth: 5, redirectUrl: 'https://soisy.example/sign', stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null });
      expect(await eventsOf(id)).toEqual([{ type: 'approval.approved', fromStatus: 'requested', toStatus: 'approved' }]);
    });

    it('takes the locking transaction when the row was written after the claim (a callback applied the decision first)', async () => {
      const id = await order('requested');
      const claimed = (await claims.claim(id, 'approval', now))!;
      await tier.orders.transition(id, { to: 'approved', source: 'callback', type: 'callback.LoanWasApproved' });
      expect(await claims.complete(claimed, approved)).toMatchObject({ status: 'approved', netAmountCents: 95000 });
      expect(await prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'approved', netAmountCents: 95000, stepClaim: null });
      expect(await eventsOf(id)).toEqual([
        { type: 'callback.LoanWasApproved', fromStatus: 'requested', toStatus: 'approved' },
        { type: 'approval.approved', fromStatus: 'approved', toStatus: 'approved' },
      ]);
    });

    it('takes the locking transaction, and is refused there, when the order was cancelled after the claim', async () => {
      const id = await order('requested');
      const claimed = (await claims.claim(id, 'approval', now))!;
      await tier.orders.transition(id, { to: 'cancelled', source: 'api', type: 'order.merchant_cancelled' });
      await expect(claims.complete(claimed, approved)).rejects.toMatchObject({ code: 'ORDER.ILLEGAL_TRANSITION' });
      expect(await prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'cancelled', netAmountCents: null });
    });

    it('does not let a holder whose lease was taken over complete over its successor', async () => {
      const id = await order('requested');
      const stale = (await claims.claim(id, 'approval', now))!;
      const successor = (await claims.claim(id, 'approval', new Date(now.getTime() + STEP_CLAIM_LEASE_MS)))!;
      await expect(claims.complete(stale, approved)).resolves.toMatchObject({ status: 'approved' });
      // The stale holder's outcome is Soisy's one decision for the order; what it must not do is free the successor's claim.
      expect(await prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ stepClaim: 'approval', stepClaimId: successor.claim.id });
    });
  
    it('leaves a column the patch gives as undefined as it is, as Prisma\'s update does', async () => {
      const id = await order('requested');
      await prisma.order.update({ where: { id }, data: { redirectUrl: 'https://soisy.example/earlier' } });
      const claimed = (await claims.claim(id, 'approval', now))!;
      const done = await claims.complete(claimed, { ...approved, patch: { ...approved.patch, redirectUrl: undefined } });
      expect(done.redirectUrl).toBe('https://soisy.example/earlier');
      expect(await prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ redirectUrl: 'https://soisy.example/earlier', status: 'approved' });
    });

    it('answers the APR as stored (3 decimals) when Soisy sent more, in the answer and the merchant event alike', async () => {
      const id = await order('created');
      const claimed = (await claims.claim(id, 'loan_request', now))!;
      const requested = { to: 'requested' as const, source: 'api' as const, type: 'loan_request.created', patch: { apr: 7.2345, instalments: 10, instalmentAmountCents: 10500, totalRepaymentCents: 105000 } };
      const done = await claims.complete(claimed, requested);
      const stored = toOrder(await prisma.order.findUniqueOrThrow({ where: { id } }));
      expect(done.apr).toBe(stored.apr);
      expect([7.234, 7.235]).toContain(stored.apr);
      const [event] = await prisma.merchantEvent.findMany({ where: { orderId: id } });
      expect((event!.payload as { data: { apr: number } }).data.apr).toBe(stored.apr);
    });

    it('does not build the merchant event\'s history without an event written meanwhile by a transaction still open', async () => {
      const id = await order('requested');
      const claimed = (await claims.claim(id, 'approval', now))!;
      let written!: () => void;
      let commit!: () => void;
      const eventWritten = new Promise<void>((resolve) => (written = resolve));
      const committing = new Promise<void>((resolve) => (commit = resolve));
      // A callback's note: its event is written, its transaction stays open a moment.
      const noting = tier.orders.recordEvent(id, 'callback', 'callback.amount_mismatch', undefined, async () => {
        written();
        await committing;
      });
      await eventWritten;
      const completing = claims.complete(claimed, approved);
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await Promise.all([noting, completing]);
      const [event] = await prisma.merchantEvent.findMany({ where: { orderId: id, type: 'order.approved' } });
      const history = (event!.payload as { data: { events: Array<{ type: string }> } }).data.events.map((entry) => entry.type);
      expect(history).toEqual((await eventsOf(id)).map((entry) => entry.type));
      expect(history).toContain('callback.amount_mismatch');
    });

    it('keeps claiming and reading orders on prepared connections after a migration adds a column to orders', async () => {
      const id = await order('requested');
      const first = (await claims.claim(id, 'approval', now))!;
      await claims.release(first.claim);
      expect(await tier.orders.findByToken(first.order.token!)).not.toBeNull();
      await prisma.$executeRawUnsafe('ALTER TABLE orders ADD COLUMN "addedByLaterRelease" integer');
      try {
        expect(await claims.claim(id, 'approval', now)).toBeDefined();
        expect(await tier.orders.findByToken(first.order.token!)).toMatchObject({ id });
      } finally {
        await prisma.$executeRawUnsafe('ALTER TABLE orders DROP COLUMN "addedByLaterRelease"');
      }
    });
  });
});
