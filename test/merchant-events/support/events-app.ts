import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../../src/config/load-config.js';
import { createApp } from '../../../src/create-app.js';
import type { OrderStatus } from '../../../src/generated/prisma/enums.js';
import { MerchantEventOutbox } from '../../../src/orders/outbox/index.js';
import { PrismaService } from '../../../src/prisma/prisma.service.js';
import { FakeClock } from '../../back-office/support/back-office.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { ADMIN_KEY } from '../../support/stack.js';

export { deliverDue, newSecret } from '../../support/merchant-events.js';

/** A fiscal code stored in full on the order: it must reach no event unmasked. */
export const FISCAL_CODE = 'RSSMRA85T10A562S';

export interface EventsApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  clock: FakeClock;
  close(): Promise<void>;
}

/** The service (no Soisy needed) on a database of its own, delivery run by hand on a fake clock. */
export async function startEventsApp(env: Record<string, string>, shared?: { db: TestDatabase; clock: FakeClock }): Promise<EventsApp> {
  const db = shared?.db ?? (await createTestDatabase());
  const clock = shared?.clock ?? new FakeClock();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, SCHEDULER_ENABLED: 'false', ADMIN_API_KEYS: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const app = await createApp(config, { clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app, db, clock,
    close: async () => {
      await app.close();
      if (!shared) await db.drop();
    },
  };
}

/** An order row as checkout leaves it once Soisy created it (status `created`, no event yet). */
export async function insertOrder(app: NestFastifyApplication, status: OrderStatus = 'pending'): Promise<{ id: string; token: string }> {
  const token = randomBytes(10).toString('hex');
  const order = await app.get(PrismaService).order.create({
    data: {
      token, shopId: 'partnershop', orderReference: `ORD-${randomUUID()}`, amountCents: 120000, instalments: 10,
      fiscalCode: FISCAL_CODE, status, callbackSecret: randomBytes(24).toString('hex'),
    },
  });
  return { id: order.id, token };
}

/**
 * Moves an order to `to` the way the one event writer will: status, history row and merchant event
 * in one transaction.
 */
export async function moveOrder(app: NestFastifyApplication, orderId: string, to: OrderStatus | null, type: string): Promise<void> {
  const outbox = app.get(MerchantEventOutbox);
  await app.get(PrismaService).$transaction(async (tx) => {
    const { status } = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    if (to) await tx.order.update({ where: { id: orderId }, data: { status: to } });
    await tx.orderEvent.create({ data: { orderId, type, fromStatus: to ? status : null, toStatus: to, source: 'api' } });
    await outbox.recordOrderEvent(tx, { orderId, type, fromStatus: to ? status : null, toStatus: to });
  });
}

/** The checkout's status changes, as merchant events: created → requested → approved. */
export async function checkoutThroughApproval(app: NestFastifyApplication, orderId: string): Promise<void> {
  await moveOrder(app, orderId, 'created', 'order.created');
  await moveOrder(app, orderId, 'requested', 'loan_request.created');
  await moveOrder(app, orderId, 'approved', 'approval.approved');
}
