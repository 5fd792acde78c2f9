import type { Prisma } from '../generated/prisma/client.js';
import type { EventData, EventSource, Order, OrderStatus } from './order.js';
import type { Tx } from './persistence/order-row.js';

/**
 * One event of an order, as handed to the writer. An object so it can grow fields (who acted,
 * what else to notify) without touching its callers.
 */
export interface OrderEventInput {
  /** The order as it is after the change this event records (its status, its token, …). */
  order: Order;
  /** What happened, e.g. `loan_request.created`, `callback.LoanWasVerified`, `release.succeeded`. */
  type: string;
  source: EventSource;
  /** Kept in the event row; never personal data. */
  data?: EventData;
  /** Set for a status change: the status before and after it. */
  fromStatus?: OrderStatus;
  toStatus?: OrderStatus;
}

/**
 * THE writer of order events: every transition and every event of the codebase goes through it,
 * inside the transaction that makes the change, so anything that must follow an event (an outbox
 * row, an audit line) is added here once and commits or rolls back with it.
 */
export async function writeOrderEvent(tx: Tx, event: OrderEventInput): Promise<void> {
  await tx.orderEvent.create({
    data: {
      orderId: event.order.id,
      type: event.type,
      source: event.source,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      data: event.data as Prisma.InputJsonObject | undefined,
    },
  });
}
