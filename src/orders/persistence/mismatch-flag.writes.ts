import type { PrismaService } from '../../prisma/prisma.service.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import { MISMATCH_DETAIL_PREFIX } from '../status-detail.js';
import type { OrderNote } from './order-transitions.js';
import { toOrder } from './order-row.js';

/**
 * The order-list report's flags on `statusDetail` (src/reconciliation/order-list-report): a mismatch
 * sets it, a later agreement clears it, each with its event. Each writes only when something changes,
 * so a report repeated every hour does not fill the history.
 */
export class MismatchFlagWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * Sets `detail` (which starts with MISMATCH_DETAIL_PREFIX) unless the order already has it, or has
   * a detail of another kind (e.g. a callback's disbursed-amount flag), which already asks for a human
   * look and is not overwritten; `event` is written with it. True when written.
   */
  flag(orderId: string, detail: string, event: OrderNote): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: orderId, OR: [{ statusDetail: null }, { statusDetail: { startsWith: MISMATCH_DETAIL_PREFIX, not: detail } }] },
        data: { statusDetail: detail },
      });
      if (count === 0) return false;
      const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } }));
      await this.events.write(tx, { order, ...event });
      return true;
    });
  }

  /** Clears a statusDetail that a report set (no other kind), with `event`. True when written. */
  clear(orderId: string, event: OrderNote): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: orderId, statusDetail: { startsWith: MISMATCH_DETAIL_PREFIX } },
        data: { statusDetail: null },
      });
      if (count === 0) return false;
      const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } }));
      await this.events.write(tx, { order, ...event });
      return true;
    });
  }
}
