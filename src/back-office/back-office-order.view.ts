import type { Order, OrderWithEvents } from '../orders/order.js';
import type { LastAction } from '../orders/orders.repository.js';
import { maskFiscalCode } from '../orders/order-view.mapper.js';
import type { BackOfficeOrderHistoryDto } from './dto/back-office-order-history.dto.js';
import type { BackOfficeOrderDto, BackOfficeOrderListItemDto } from './dto/back-office-order.dto.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Never the callback secret, redirect URLs or unmasked personal data. */
export function toBackOfficeOrder(order: Order): BackOfficeOrderDto {
  return {
    token: order.token,
    orderReference: order.orderReference,
    status: order.status,
    soisyStatus: order.soisyStatus,
    statusDetail: order.statusDetail,
    amount: order.amountCents,
    netAmount: order.netAmountCents,
    instalments: order.instalments,
    fiscalCode: maskFiscalCode(order.fiscalCode),
    release: {
      status: order.releaseStatus,
      amount: order.releaseAmountCents,
      releaseAt: iso(order.releaseAt),
      releasedAt: iso(order.releasedAt),
      attempts: order.releaseAttempts,
      nextAttemptAt: order.releaseStatus === 'scheduled' ? iso(order.releaseNextAttemptAt) : null,
      lastError: order.releaseLastError,
      resolvedBy: order.releaseResolvedBy,
    },
    lastSyncedAt: iso(order.lastSyncedAt),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** A list item: the order and who last acted on it in the back office. */
export function toBackOfficeListItem(order: Order, lastAction: LastAction | undefined): BackOfficeOrderListItemDto {
  const lastBackOfficeAction = lastAction ? { type: lastAction.type, actor: lastAction.actor, at: lastAction.at.toISOString() } : null;
  return { ...toBackOfficeOrder(order), lastBackOfficeAction };
}

/** The detail view: the order and its history with each event's actor and data (built field by field). */
export function toBackOfficeHistory(order: OrderWithEvents): BackOfficeOrderHistoryDto {
  return {
    order: toBackOfficeOrder(order),
    events: order.events.map((event) => ({
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      source: event.source,
      actor: event.actor,
      data: event.data ?? null,
      at: event.createdAt.toISOString(),
    })),
  };
}
