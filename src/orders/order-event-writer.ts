import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { MerchantEventOutbox } from './outbox/merchant-event-outbox.repository.js';
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
 * inside the transaction that makes the change, so whatever must follow an event is added here
 * once and commits or rolls back with it: today the merchant event of the outbox (issue 11), which
 * therefore can never exist without its change, nor a change without its merchant event.
 */
@Injectable()
export class OrderEventWriter {
  constructor(private readonly outbox: MerchantEventOutbox) {}

  async write(tx: Tx, event: OrderEventInput): Promise<void> {
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
    await this.outbox.recordOrderEvent(tx, event);
  }
}
