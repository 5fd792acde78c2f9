import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import type { EventSource } from '../../generated/prisma/enums.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import { MISMATCH_DETAIL_PREFIX } from './order-list-comparison.js';

/**
 * Every write this feature makes to `orders` and `order_events`, in one place so that it can move
 * into the orders core's repository and event writer: a mismatch sets the order's statusDetail
 * (with an event), a later agreement clears it (with an event). Each writes only when something
 * changes, so a report repeated every hour does not fill the history.
 */
@Injectable()
export class OrderListReportOrderWrites {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Sets `detail` unless the order already has it, or has a detail of another kind (e.g. a callback's
   * disbursed-amount flag), which already asks for a human look and is not overwritten (the report
   * still lists the mismatch); event `reconciliation.mismatch`. True when written.
   */
  flagMismatch(orderId: string, detail: string, source: EventSource, data: Prisma.InputJsonObject): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: orderId, OR: [{ statusDetail: null }, { statusDetail: { startsWith: MISMATCH_DETAIL_PREFIX, not: detail } }] },
        data: { statusDetail: detail },
      });
      if (count === 1) await tx.orderEvent.create({ data: { orderId, source, type: 'reconciliation.mismatch', data } });
      return count === 1;
    });
  }

  /** Clears a statusDetail that a report set (no other kind); event `reconciliation.mismatch_resolved`. True when written. */
  clearMismatch(orderId: string, source: EventSource, data: Prisma.InputJsonObject): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: orderId, statusDetail: { startsWith: MISMATCH_DETAIL_PREFIX } },
        data: { statusDetail: null },
      });
      if (count === 1) await tx.orderEvent.create({ data: { orderId, source, type: 'reconciliation.mismatch_resolved', data } });
      return count === 1;
    });
  }
}
