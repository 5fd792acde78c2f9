import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
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
  /**
   * Who acted, for a back-office action: the name of the back-office key (`ops-anna`, from
   * `@BackOfficeActor()`), never the key. Absent (stored null) for the scheduler, callbacks and the
   * storefront's API.
   */
  actor?: string | null;
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

  /**
   * The event, in the caller's transaction. It first makes a new version of the order's row (an
   * UPDATE that changes no value): the one-statement writers (StepClaimWrites.complete) guard on
   * the row version they read, so an event written since, or still uncommitted, makes them take the
   * locking transaction instead of building a merchant-event history that misses it. The UPDATE's
   * row lock is held to commit, as the transaction's own UPDATE of the row would hold it.
   */
  async write(tx: Tx, event: OrderEventInput): Promise<void> {
    await tx.$executeRaw`UPDATE orders SET "updatedAt" = "updatedAt" WHERE id = ${event.order.id}::uuid`;
    await tx.orderEvent.create({
      data: {
        orderId: event.order.id,
        type: event.type,
        source: event.source,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        data: event.data as Prisma.InputJsonObject | undefined,
        actor: event.actor ?? null,
      },
    });
    await this.outbox.recordOrderEvent(tx, event);
  }

  /**
   * `write` as CTEs of the caller's single statement (issue 10: the hot paths commit a change in one
   * statement, not an interactive transaction): the `order_events` row and, when the event matters to
   * the merchant, the merchant event and its deliveries (MerchantEventOutbox.recordOrderEventStatement).
   * The same rows as `write`, committed or rolled back with the caller's change.
   *
   * - `changed`: the caller's CTE yielding the changed order's row (`RETURNING id`); no row, nothing
   *   is written. For a merchant event it must be an UPDATE of that row (the lock the outbox needs).
   * - `event.order`: the order as the statement leaves it (its merchant view is built from it).
   * - `prefix`: names the CTEs added (`<prefix>_event`, …), unique within the statement.
   * - `at`: the event's `createdAt`; the instant the caller writes as the row's `updatedAt`.
   *
   * Returns CTE definitions separated by commas, to follow the caller's CTEs after a comma.
   */
  statement(changed: string, event: OrderEventInput, options: { prefix: string; at: Date }): Prisma.Sql {
    const name = `${options.prefix}_event`;
    const data = event.data === undefined ? null : JSON.stringify(event.data);
    const insert = Prisma.sql`${Prisma.raw(name)} AS (
      INSERT INTO order_events (id, "orderId", type, source, "fromStatus", "toStatus", data, actor, "createdAt")
      SELECT ${randomUUID()}::uuid, c.id, ${event.type}, ${event.source}::"EventSource", ${event.fromStatus ?? null}::"OrderStatus",
        ${event.toStatus ?? null}::"OrderStatus", ${data}::jsonb, ${event.actor ?? null}, ${options.at}
      FROM ${Prisma.raw(changed)} c
      RETURNING id, type, "fromStatus", "toStatus", source, actor, "createdAt")`;
    const merchant = this.outbox.recordOrderEventStatement(event, { changed, newEvents: name, prefix: options.prefix });
    return merchant === null ? insert : Prisma.sql`${insert},\n${merchant}`;
  }
}
