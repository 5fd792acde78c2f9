import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Prisma } from '../../src/generated/prisma/client.js';
import { isDatabaseUnavailable } from '../../src/common/errors/database-unavailable.js';
import { startRepositoryTier, type RepositoryTier } from './support.js';

/**
 * What a busy database does to the service's transactions, on real PostgreSQL:
 * - on a busy pool a transaction waits for a connection as long as a statement does (5 s), not
 *   Prisma's default 2 s: with the pool's 10 connections taken for 3 s, a create order on a reference
 *   already used (its claim is a transaction) goes through instead of failing (P2028, a 500 before;
 *   the CI run of 2026-11-29 failed on exactly this), and past 5 s it is a 503;
 * - a transaction PostgreSQL rolls back for a deadlock is a 503 too (P2034 or 40P01 under raw SQL:
 *   a 500 before), whichever way the service wrote it;
 * - the writes that record an answer Soisy already gave outlast a busy pool (untilCommitted).
 */
describe('transactions on a busy database', () => {
  let tier: RepositoryTier;

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  /** Takes every pooled connection for `seconds`. */
  const occupyPool = (seconds: number) => Promise.all(Array.from({ length: 10 }, () => tier.prisma.statement(Prisma.sql`SELECT 1 AS slept FROM pg_sleep(${seconds})`)));

  it('waits past 2 s for a connection and commits', async () => {
    const busy = occupyPool(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const order = await tier.orders.creation.claim({
      shopId: 'partnershop', orderReference: `ORD-${randomUUID()}`, amountCents: 100000, instalments: 12, zeroInterestRate: null, fiscalCode: null,
      successUrl: null, errorUrl: null, callbackSecret: randomUUID(), creationStartedAt: new Date(), creationEndsBy: new Date(Date.now() + 60_000),
      creationIdempotencyKey: null, creationRequestHash: null,
    });
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(await tier.prisma.order.count({ where: { id: order.id, status: 'pending' } })).toBe(1);
    await busy;
  }, 20_000);

  it('gives up after 5 s as a database too busy to answer (503 DATABASE.UNAVAILABLE), having written nothing', async () => {
    const busy = occupyPool(7);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reference = `ORD-${randomUUID()}`;
    const started = Date.now();
    const error = await tier.prisma.$transaction((tx) => tx.order.create({
      data: { shopId: 'partnershop', orderReference: reference, amountCents: 100000, status: 'pending', callbackSecret: randomUUID() },
    })).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await busy;
    expect(await tier.prisma.order.count({ where: { orderReference: reference } })).toBe(0);
  }, 20_000);

  it.each([
    ['the query API', false],
    ['raw SQL', true],
  ])('classes a transaction rolled back for a deadlock (%s) as the database too busy, the other one committing', async (_how, raw) => {
    const [first, second] = [await tier.insertOrder(), await tier.insertOrder()];
    let locked = 0;
    const bothLocked = () => new Promise<void>((resolve) => {
      locked += 1;
      const poll = setInterval(() => locked >= 2 && (clearInterval(poll), resolve()), 5);
    });
    // Each locks one row, then wants the other's: PostgreSQL's deadlock detection (1 s) rolls one back.
    const crossing = (mine: string, theirs: string) => tier.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: mine }, data: { statusDetail: `locked by ${mine}` } });
      await bothLocked();
      if (raw) await tx.$executeRaw`UPDATE orders SET "statusDetail" = ${`then ${mine}`} WHERE id = ${theirs}::uuid`;
      else await tx.order.update({ where: { id: theirs }, data: { statusDetail: `then ${mine}` } });
    }).then(() => 'committed', (error: unknown) => error);
    const outcomes = await Promise.all([crossing(first.id, second.id), crossing(second.id, first.id)]);
    expect(outcomes.filter((outcome) => outcome === 'committed')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome !== 'committed');
    expect(isDatabaseUnavailable(refused)).toBe(true);
  }, 20_000);

  describe('the writes that record an answer Soisy already gave', () => {
    // With every pooled connection taken for 6 s, a write waits 5 s for one and fails (the pool's
    // "timeout exceeded when trying to connect", which committed nothing): these are tried again and
    // commit once a connection is free, instead of failing and losing Soisy's answer (the black-box
    // trial of this round: SOISY.ALREADY_EVALUATED on the shopper's retry, a release parked `unknown`).
    const now = new Date();
    const whilePoolBusy = async <T>(write: () => Promise<T>): Promise<T> => {
      const busy = occupyPool(6);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const result = await write();
      expect(Date.now() - started).toBeGreaterThan(5_000); // it did outlast the pool's wait
      await busy;
      return result;
    };

    it('records a loan request\'s outcome (the step claim\'s completion)', async () => {
      const { id } = await tier.insertOrder({ status: 'created' });
      const claimed = (await tier.orders.steps.claim(id, 'loan_request', now))!;
      const done = await whilePoolBusy(() => tier.orders.steps.complete(claimed, {
        to: 'requested', source: 'api', type: 'loan_request.created', patch: { instalments: 12, apr: 9.5, instalmentAmountCents: 8787 },
      }));
      expect(done.status).toBe('requested');
      expect(await tier.prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'requested', stepClaim: null, apr: expect.anything() });
    }, 30_000);

    it('records the order Soisy created (create order\'s completion)', async () => {
      const reference = `ORD-${randomUUID()}`;
      const order = (await tier.orders.creation.claimNew({
        shopId: 'partnershop', orderReference: reference, amountCents: 100000, instalments: 12, zeroInterestRate: null, fiscalCode: null,
        successUrl: null, errorUrl: null, callbackSecret: randomUUID(), creationStartedAt: new Date(), creationEndsBy: new Date(Date.now() + 60_000),
        creationIdempotencyKey: null, creationRequestHash: null,
      }))!;
      const token = `tok-${randomUUID()}`;
      await whilePoolBusy(() => tier.orders.creation.complete(order, { token, redirectUrl: `https://soisy.example/funnel#${token}` }));
      expect(await tier.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'created', token });
    }, 30_000);

    it('records a match-trigger Soisy accepted while an operator held the order\'s row for 16 s (the transaction expired, the next attempt commits)', async () => {
      // The second trial of this round: a time budget (15 s) was spent by the first attempt alone,
      // stuck on the lock past Prisma's 5 s, and the answer was lost although the database was free.
      const { id } = await tier.insertOrder({ status: 'approved' });
      const claim = (await tier.orders.releases.claimNow(id, 100000, now))!;
      const operator = new pg.Client({ connectionString: tier.t.db.url });
      await operator.connect();
      await operator.query('BEGIN');
      await operator.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [id]);
      const held = new Promise((resolve) => setTimeout(resolve, 16_000)).then(async () => {
        await operator.query('COMMIT');
        await operator.end();
      });
      const settled = await tier.orders.releases.settle(claim, { status: 'released', releasedAt: now, eventType: 'release.succeeded' });
      await held;
      expect(settled?.releaseStatus).toBe('released');
      const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id, type: 'release.succeeded' } });
      expect(events).toHaveLength(1);
    }, 40_000);

    it('records a match-trigger Soisy accepted (the release\'s settlement)', async () => {
      const { id } = await tier.insertOrder({ status: 'approved' });
      const claim = (await tier.orders.releases.claimNow(id, 100000, now))!;
      const settled = await whilePoolBusy(() => tier.orders.releases.settle(claim, { status: 'released', releasedAt: now, eventType: 'release.succeeded' }));
      expect(settled?.releaseStatus).toBe('released');
    }, 30_000);
  });
});
