import type { OrderStatus } from '../order.js';
import type { MerchantEventType } from '../../common/merchant-event-types.js';

/** An internal order event as the one event writer records it (an `order_events` row). */
export interface InternalOrderEvent {
  /** e.g. `approval.approved`, `callback.LoanWasVerified`, `release.succeeded`. */
  type: string;
  fromStatus?: OrderStatus | null;
  toStatus?: OrderStatus | null;
}

/** A status the merchant hears about when an order enters it; `pending` and `failed` stay internal. */
const ON_ENTERING: Partial<Record<OrderStatus, MerchantEventType>> = {
  created: 'order.created',
  requested: 'order.requested',
  approved: 'order.approved',
  refused: 'order.refused',
  completed: 'order.completed',
  verified: 'order.verified',
  disbursed: 'order.disbursed',
  cancelled: 'order.cancelled',
  expired: 'order.expired',
};

/** Release outcomes and flags, which do not move the order's status, by their internal type. */
const BY_INTERNAL_TYPE: Record<string, MerchantEventType> = {
  'release.scheduled': 'order.release.scheduled',
  'release.succeeded': 'order.release.succeeded',
  'release.failed': 'order.release.failed',
  'release.outcome_unknown': 'order.release.unknown',
  'callback.amount_mismatch': 'order.amount_mismatch',
};

/**
 * The merchant event an internal order event produces, or null when it is internal only (a retry,
 * a claim, a callback received but not yet confirmed, a sync that changed nothing, …).
 *
 * A status change is told by the status entered, whatever caused it (API answer, callback, sync,
 * creation recovery): the merchant hears `order.approved` once, however Soisy's decision arrived.
 * An event that stays in its status (fromStatus = toStatus, e.g. a step whose callback came first)
 * tells nothing new. Everything else is looked up by its internal type.
 */
export function merchantEventTypeFor(event: InternalOrderEvent): MerchantEventType | null {
  const to = event.toStatus ?? null;
  if (to !== null && to !== (event.fromStatus ?? null)) return ON_ENTERING[to] ?? null;
  if (to !== null) return null;
  return BY_INTERNAL_TYPE[event.type] ?? null;
}
