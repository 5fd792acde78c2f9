import { EXPIRABLE_STATUSES, type ExpirableStatus } from '../../orders/order-lifecycle.js';
import type { EventData, OrderStatus } from '../../orders/order.js';

/** What Get order told the expiry job, after the sync path applied whatever it could. */
export type ExpiryAnswer =
  /** Soisy knows the order: its status (as the local one it means), and whether the sync moved ours. */
  | { kind: 'found'; soisyStatus: string; confirmed: OrderStatus; applied: boolean }
  /** Get order answered 404: Soisy no longer knows the token it issued. */
  | { kind: 'not_found' };

/** How one confirmation ended; also the metric's `outcome` label. */
export type ExpiryOutcome =
  /** Nothing moved at Soisy: the order is now `expired`. */
  | 'expired'
  /** Soisy has it further on (a loan request, an approval, …): the sync applied that instead. */
  | 'moving'
  /** Soisy cancelled it: the sync applied `cancelled`, which says more than `expired`. */
  | 'cancelled'
  /** Someone (a shopper, a callback, another replica) changed the order meanwhile: left as it is. */
  | 'changed'
  /** Soisy could not be asked (5xx, timeout, …): left untouched, due again when its lease ends. */
  | 'failed';

export type ExpiryVerdict = { outcome: 'expire'; data: EventData } | { outcome: Exclude<ExpiryOutcome, 'expired' | 'failed'> };

/**
 * Whether Soisy agrees that an order claimed in `claimed` is abandoned. Soisy at the same stage or
 * an earlier one (a `quote` for a `requested` order) means nothing is happening; so does a 404 for
 * a token Soisy itself issued (it cannot move again: its funnel and callbacks need the token).
 * Anything later was applied by the sync path and is never expired.
 */
export function expiryVerdict(claimed: ExpirableStatus, answer: ExpiryAnswer): ExpiryVerdict {
  if (answer.kind === 'not_found') return { outcome: 'expire', data: { soisyStatus: null, soisyAnswer: 'not_found' } };
  if (answer.applied) return { outcome: answer.confirmed === 'cancelled' ? 'cancelled' : 'moving' };
  const stage = (EXPIRABLE_STATUSES as readonly OrderStatus[]).indexOf(answer.confirmed);
  if (stage >= 0 && stage <= EXPIRABLE_STATUSES.indexOf(claimed)) return { outcome: 'expire', data: { soisyStatus: answer.soisyStatus } };
  // Soisy is further on, yet the sync did not apply it: the order was moved by someone else meanwhile.
  return { outcome: 'changed' };
}
