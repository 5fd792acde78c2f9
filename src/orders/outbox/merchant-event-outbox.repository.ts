import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import type { MerchantEndpoint } from '../../config/merchant-events-config.js';
import type { OrderViewDto } from '../order-view.dto.js';
import { toOrderView } from '../order-view.mapper.js';
import { isIssued, type IssuedOrder, type Order } from '../order.js';
import { merchantEventTypeFor, type InternalOrderEvent } from './merchant-event-mapping.js';
import { PREPARED } from '../../prisma/prepared-statements.js';
import { appendMerchantEventStatement, type StatementCtes } from '../persistence/merchant-event-statement.js';
import type { MerchantEventType } from '../../common/merchant-event-types.js';

export interface MerchantEventInput {
  orderId: string;
  orderToken: string;
  type: MerchantEventType;
  /** The order as GET /v1/orders/{token} shows it (fiscal code masked, no secrets). */
  data: OrderViewDto;
}

/** The body POSTed to the merchant, as stored: ids stable across retries and resends. */
export interface MerchantEventPayload {
  id: string;
  type: MerchantEventType;
  /** ISO 8601 instant, UTC. */
  createdAt: string;
  data: OrderViewDto;
}

export interface AppendedMerchantEvent {
  id: string;
  type: MerchantEventType;
  /** How many endpoints will be sent it (0: recorded only). */
  deliveries: number;
}

/**
 * Appends a merchant event and its deliveries (one per endpoint subscribed to its type; none when no
 * endpoint is configured: the event is still recorded) with the caller's transaction client, so
 * the event commits or rolls back with the change it reports.
 *
 * Locks the order's row first: two transactions appending for one order are serialised, so
 * per order the sequence order is also the commit order and the worker never sees a later event
 * committed before an earlier one.
 */
export async function appendMerchantEvent(
  tx: Prisma.TransactionClient,
  input: MerchantEventInput,
  context: { endpoints: readonly MerchantEndpoint[]; now: Date },
): Promise<AppendedMerchantEvent> {
  await tx.$queryRaw`SELECT 1 FROM orders WHERE id = ${input.orderId}::uuid FOR UPDATE`;
  const id = randomUUID();
  const payload: MerchantEventPayload = { id, type: input.type, createdAt: context.now.toISOString(), data: input.data };
  const event = await tx.merchantEvent.create({
    data: { id, type: input.type, orderId: input.orderId, orderToken: input.orderToken, payload: payload as unknown as Prisma.InputJsonValue, createdAt: context.now },
    select: { sequence: true },
  });
  const endpoints = context.endpoints.filter((endpoint) => endpoint.types.includes(input.type));
  if (endpoints.length > 0) {
    await tx.merchantEventDelivery.createMany({
      data: endpoints.map((endpoint) => ({
        id: randomUUID(), eventId: id, orderId: input.orderId, sequence: event.sequence,
        endpoint: endpoint.url, nextAttemptAt: context.now, createdAt: context.now,
      })),
    });
  }
  return { id, type: input.type, deliveries: endpoints.length };
}

/**
 * The outbox as the one order-event writer uses it: `recordOrderEvent(tx, event)` right after the
 * `order_events` row is written, in the same transaction.
 */
@Injectable()
export class MerchantEventOutbox {
  constructor(private readonly config: AppConfig, private readonly clock: Clock) {}

  /** Appends an event whose data the caller built (see appendMerchantEvent). */
  append(tx: Prisma.TransactionClient, input: MerchantEventInput): Promise<AppendedMerchantEvent> {
    return appendMerchantEvent(tx, input, { endpoints: this.config.merchantEvents.endpoints, now: this.clock.now() });
  }

  /**
   * The merchant event an internal order event produces (merchantEventTypeFor), with the order's
   * masked view as it stands in this transaction; null when the event is internal only or the
   * order has no Soisy token yet (nothing the merchant could look up). Reads the order's history
   * with `tx` only when there is a merchant event to write.
   */
  async recordOrderEvent(tx: Prisma.TransactionClient, event: InternalOrderEvent & { order: Order }): Promise<AppendedMerchantEvent | null> {
    const type = merchantEventTypeFor(event);
    const { order } = event;
    if (type === null || !isIssued(order)) return null;
    // Two round trips instead of four (issue 10): the lock first, in a statement of its own, so the
    // next statement's snapshot is taken once the lock is granted and its history holds every
    // event committed before (as the separate read did); then the event, its payload's history
    // (read in the statement, this transaction's own event included) and its deliveries in one.
    await tx.$queryRaw`SELECT 1 FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
    const appended = appendMerchantEventStatement({ orderId: order.id, orderToken: order.token, type, view: viewWithoutHistory(order) }, { changed: 'locked', prefix: 'appended' }, {
      endpoints: this.config.merchantEvents.endpoints, now: this.clock.now(),
    });
    await tx.$queryRaw`${PREPARED}WITH locked AS (SELECT ${order.id}::uuid AS id), ${appended.sql} SELECT 1`;
    return { id: appended.id, type, deliveries: appended.deliveries };
  }

  /**
   * `recordOrderEvent` as CTEs of the caller's single statement (issue 10: no interactive
   * transaction, no read of the history, no separate lock), or null when there is no merchant event.
   * `event.order` is the order as the statement leaves it; `ctes.changed` must be the caller's
   * UPDATE of that row (it holds the row lock the append needs), `ctes.newEvents` its inserted
   * `order_events` rows. See appendMerchantEventStatement.
   */
  recordOrderEventStatement(event: InternalOrderEvent & { order: Order }, ctes: StatementCtes): Prisma.Sql | null {
    const type = merchantEventTypeFor(event);
    const { order } = event;
    if (type === null || !isIssued(order)) return null;
    return appendMerchantEventStatement({ orderId: order.id, orderToken: order.token, type, view: viewWithoutHistory(order) }, ctes, {
      endpoints: this.config.merchantEvents.endpoints, now: this.clock.now(),
    }).sql;
  }
}

/** The order's masked view but its history, which the append statement builds. */
function viewWithoutHistory(order: IssuedOrder): Omit<OrderViewDto, 'events'> {
  const { events: _events, ...view } = toOrderView({ ...order, events: [] });
  return view;
}
