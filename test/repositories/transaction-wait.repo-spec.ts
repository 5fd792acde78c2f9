import { randomUUID } from 'node:crypto';
import { Prisma } from '../../src/generated/prisma/client.js';
import { isDatabaseUnavailable } from '../../src/common/errors/database-unavailable.js';
import { startRepositoryTier, type RepositoryTier } from './support.js';

/**
 * An interactive transaction on a busy pool waits for a connection as long as a statement does
 * (5 s), not Prisma's default 2 s: with every one of the pool's 10 connections taken for 3 s, a
 * create order on a reference already used (its claim is a transaction) goes through instead of
 * failing (P2028, a 500 before). The CI run of 2026-11-29 failed on exactly this.
 */
describe('an interactive transaction waiting for a pool connection', () => {
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
});
