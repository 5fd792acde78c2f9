import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { OrderStatus } from '../order.js';
import { toOrder, type Tx } from './order-row.js';

/** An order whose personal data is being erased, with what finds its create-order idempotency record. */
export interface ErasedOrder {
  id: string;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
}

/** The order columns that can hold personal data (or a hash of a request that carried it). Figures, statuses and dates stay. */
export const ERASED_ORDER_COLUMNS = [
  'fiscalCode', 'successUrl', 'errorUrl', 'loanFingerprint', 'approvalFingerprint', 'creationIdempotencyKey', 'creationRequestHash',
] as const;

export interface ErasureBatch {
  /** Statuses after which personal data is kept only for the retention (the lifecycle's final ones). */
  finalStatuses: readonly OrderStatus[];
  /** Orders unchanged since before this instant are due. */
  cutoff: Date;
  limit: number;
  retentionDays: number;
  /** The event data with every personal field masked (src/retention/personal-data-fields.ts decides what is personal). */
  mask: (data: unknown) => unknown;
  /** Erasure of other tables (callbacks, idempotency records, the erasure ledger), in the same transaction. */
  also: (tx: Tx, orders: readonly ErasedOrder[]) => Promise<unknown>;
}

/**
 * Personal data retention's write (src/retention): GDPR storage limitation. Kept in the core because
 * it rewrites `order_events`: masking personal fields in old events' data is **the one intended
 * exception to the append-only history** (an erasure the law requires; types, statuses, sources,
 * actors and times stay). Nothing else updates an event.
 */
export class PersonalDataErasureWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * Erases up to `limit` due orders in one transaction, oldest first: in a final status (or
   * released), unchanged since `cutoff`, not erased yet (no `personal_data_erasures` row, which
   * `also` writes). SKIP LOCKED: replicas take different orders, and an order a request is writing
   * now is left for the next run. Each gets `order.personal_data_erased` (no personal data in it).
   * Answers the orders erased; an order is erased whole or not at all.
   */
  eraseDue(batch: ErasureBatch): Promise<ErasedOrder[]> {
    return this.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<ErasedOrder[]>`
        SELECT o.id, o."creationIdempotencyKey", o."creationRequestHash" FROM orders o
        WHERE (o.status::text = ANY(${batch.finalStatuses}) OR o."releaseStatus" = 'released')
          AND GREATEST(o."updatedAt", COALESCE(o."releasedAt", o."updatedAt")) < ${batch.cutoff}
          AND NOT EXISTS (SELECT 1 FROM personal_data_erasures e WHERE e."orderId" = o.id)
        ORDER BY o."updatedAt"
        LIMIT ${batch.limit}
        FOR UPDATE OF o SKIP LOCKED`;
      if (due.length === 0) return due;
      const ids = due.map(({ id }) => id);
      const erased = Object.fromEntries(ERASED_ORDER_COLUMNS.map((column) => [column, null]));
      await tx.order.updateMany({ where: { id: { in: ids } }, data: erased });
      await this.maskEvents(tx, ids, batch.mask);
      const orders = await tx.order.findMany({ where: { id: { in: ids } } });
      const data = { retentionDays: batch.retentionDays, columns: [...ERASED_ORDER_COLUMNS] };
      for (const order of orders) await this.events.write(tx, { order: toOrder(order), source: 'scheduler', type: 'order.personal_data_erased', data });
      await batch.also(tx, due);
      return due;
    });
  }

  /** The exception to append-only (see the class): personal fields of existing events' data masked in place. */
  private async maskEvents(tx: Tx, orderIds: string[], mask: (data: unknown) => unknown): Promise<void> {
    const events = await tx.orderEvent.findMany({ where: { orderId: { in: orderIds }, NOT: { data: { equals: Prisma.AnyNull } } }, select: { id: true, data: true } });
    for (const event of events) {
      const masked = mask(event.data);
      if (masked !== event.data) await tx.orderEvent.update({ where: { id: event.id }, data: { data: masked as Prisma.InputJsonValue } });
    }
  }
}
