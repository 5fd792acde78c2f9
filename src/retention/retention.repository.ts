import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import type { ErasedOrder, Tx } from '../orders/orders.repository.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { callbackWithoutPersonalData, withoutPersonalData } from './personal-data-fields.js';

/**
 * Retention's writes outside `orders`/`order_events`: received callbacks, merchant events' stored
 * payloads, idempotency records, the erasure ledger.
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * In the erasure's transaction: the orders' callbacks and stored merchant-event payloads masked
   * (a payload holds the order view with the fiscal code already masked, but its first letters still
   * derive from the shopper's name; a resend after erasure sends the erased payload), their
   * create-order idempotency records deleted, the erasure recorded.
   */
  async eraseRelated(tx: Tx, orders: readonly ErasedOrder[], erasedAt: Date, retentionDays: number): Promise<void> {
    const orderIds = orders.map(({ id }) => id);
    const callbacks = await tx.receivedCallback.findMany({ where: { orderId: { in: orderIds } }, select: { id: true, payload: true } });
    for (const callback of callbacks) {
      const masked = callbackWithoutPersonalData(callback.payload);
      if (masked !== callback.payload) await tx.receivedCallback.update({ where: { id: callback.id }, data: { payload: masked as Prisma.InputJsonValue } });
    }
    const merchantEvents = await tx.merchantEvent.findMany({ where: { orderId: { in: orderIds } }, select: { id: true, payload: true } });
    for (const event of merchantEvents) {
      const masked = withoutPersonalData(event.payload);
      if (masked !== event.payload) await tx.merchantEvent.update({ where: { id: event.id }, data: { payload: masked as Prisma.InputJsonValue } });
    }
    // The create-order record: its stored answer, and a hash of a body that carried the customer's data.
    for (const { creationIdempotencyKey: key, creationRequestHash: requestHash } of orders) {
      if (key && requestHash) await tx.idempotencyRecord.deleteMany({ where: { key, requestHash } });
    }
    await tx.personalDataErasure.createMany({ data: orderIds.map((orderId) => ({ orderId, erasedAt, retentionDays })) });
  }

  /**
   * Deletes up to `limit` idempotency records written before `cutoff`, whatever their route: a key
   * lives 24 hours (src/common/idempotency), so these only keep request hashes and answers that may
   * carry personal data. SKIP LOCKED, as above.
   */
  async deleteIdempotencyRecordsBefore(cutoff: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM idempotency_records WHERE id IN (
        SELECT id FROM idempotency_records WHERE "createdAt" < ${cutoff} ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
  }
}
