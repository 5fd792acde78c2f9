import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import type { OrderStatus } from '../generated/prisma/enums.js';
import { withoutPersonalData } from './personal-data-fields.js';

type Tx = Prisma.TransactionClient;

/** An order whose personal data is due for erasure, with what finds its idempotency record. */
export interface DueOrder {
  id: string;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
}

/** The order columns that can hold personal data (or a hash of a request that carried it). Figures, statuses and dates stay. */
export const ERASED_ORDER_COLUMNS = [
  'fiscalCode', 'successUrl', 'errorUrl', 'loanFingerprint', 'approvalFingerprint', 'creationIdempotencyKey', 'creationRequestHash',
] as const;

/**
 * Every write retention makes to `orders` and `order_events`, in one place so that it can move into
 * the orders core's repository and event writer. All run in the caller's transaction, which also
 * records the erasure, so an order is erased whole or not at all.
 */
@Injectable()
export class RetentionOrderWrites {
  /**
   * Locks up to `limit` orders due for erasure, oldest first: in a final status (or released) and
   * unchanged since `cutoff`, not erased yet. SKIP LOCKED: replicas take different orders, and an
   * order a request is writing now is left for the next run.
   */
  claimDue(tx: Tx, finalStatuses: readonly OrderStatus[], cutoff: Date, limit: number): Promise<DueOrder[]> {
    return tx.$queryRaw<DueOrder[]>`
      SELECT o.id, o."creationIdempotencyKey", o."creationRequestHash" FROM orders o
      WHERE (o.status::text = ANY(${finalStatuses}) OR o."releaseStatus" = 'released')
        AND GREATEST(o."updatedAt", COALESCE(o."releasedAt", o."updatedAt")) < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM personal_data_erasures e WHERE e."orderId" = o.id)
      ORDER BY o."updatedAt"
      LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED`;
  }

  /**
   * Erases the orders' personal columns, masks personal fields in their events' data (the one
   * exception to an append-only history: GDPR erasure), and appends `order.personal_data_erased`
   * (no personal data in it) to each.
   */
  async erase(tx: Tx, orderIds: readonly string[], retentionDays: number): Promise<void> {
    const erased = Object.fromEntries(ERASED_ORDER_COLUMNS.map((column) => [column, null]));
    await tx.order.updateMany({ where: { id: { in: [...orderIds] } }, data: erased });
    const events = await tx.orderEvent.findMany({ where: { orderId: { in: [...orderIds] }, NOT: { data: { equals: Prisma.AnyNull } } }, select: { id: true, data: true } });
    for (const event of events) {
      const masked = withoutPersonalData(event.data);
      if (masked !== event.data) await tx.orderEvent.update({ where: { id: event.id }, data: { data: masked as Prisma.InputJsonValue } });
    }
    await tx.orderEvent.createMany({
      data: orderIds.map((orderId) => ({ orderId, source: 'scheduler' as const, type: 'order.personal_data_erased', data: { retentionDays, columns: [...ERASED_ORDER_COLUMNS] } })),
    });
  }
}
