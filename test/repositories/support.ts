import { randomUUID } from 'node:crypto';
import { Prisma } from '../../src/generated/prisma/client.js';
import { OrdersRepository } from '../../src/orders/orders.repository.js';
import { PrismaService } from '../../src/prisma/prisma.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The repository tier: the real repositories on a fresh PostgreSQL database (migrated as in
 * production), without HTTP and with the scheduled jobs off, so only the test touches the rows.
 */
/** An order row `insertOrder` wrote: its id, and its token (null when told to issue none). */
export interface InsertedOrder {
  id: string;
  token: string | null;
}

export interface RepositoryTier {
  t: TestApp;
  orders: OrdersRepository;
  prisma: PrismaService;
  /** Inserts an order row directly (the state under test), with an issued token unless told otherwise. */
  insertOrder(data?: Partial<Prisma.OrderUncheckedCreateInput>): Promise<InsertedOrder>;
}

export async function startRepositoryTier(): Promise<RepositoryTier> {
  const t = await startTestApp({ SCHEDULER_ENABLED: 'false' });
  const prisma = t.app.get(PrismaService);
  // The pool's 10 connections opened now, not by the first test's 16 concurrent claims: on a loaded
  // CI machine opening them there made a transaction wait past its bound for a connection.
  await Promise.all(Array.from({ length: 10 }, () => prisma.statement(Prisma.sql`SELECT 1 AS warm`)));
  return {
    t,
    orders: t.app.get(OrdersRepository),
    prisma,
    insertOrder: async (data = {}) => {
      const reference = `ORD-${randomUUID()}`;
      const row = await prisma.order.create({
        data: { shopId: 'partnershop', orderReference: reference, token: reference, amountCents: 100000, status: 'created', callbackSecret: randomUUID(), ...data },
      });
      return { id: row.id, token: row.token };
    },
  };
}

/** `count` copies of the same call, started together (the claims' concurrency is the database's). */
export function concurrently<T>(count: number, call: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => call(index)));
}
