import { OrderStatus as OrderStatusEnum, type OrderStatus } from './order.js';
import type { SoisyOrderStatus } from '../soisy/soisy.types.js';

/**
 * The one place that says which local status may follow which (DESIGN.md § Order lifecycle).
 * Forward jumps are allowed because Soisy's callbacks can arrive late or out of order (a
 * `LoanWasVerified` before `RequestCompleted`), and because a shopper may finish in Soisy's own
 * funnel without our approval route. `requested → requested` is a repeated loan request.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['created', 'failed'],
  created: ['requested', 'approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled', 'expired'],
  requested: ['requested', 'approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled', 'expired'],
  approved: ['completed', 'verified', 'disbursed', 'cancelled'],
  completed: ['verified', 'disbursed', 'cancelled'],
  verified: ['disbursed', 'cancelled'],
  refused: [],
  disbursed: [],
  cancelled: [],
  failed: [],
  // Only the expiry job enters it, after Soisy confirmed the order had not moved (src/reconciliation/order-expiry).
  expired: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** Soisy has approved the loan, and nothing has cancelled it since. */
export const APPROVED_OR_LATER: readonly OrderStatus[] = ['approved', 'completed', 'verified', 'disbursed'];

/** Approved or later, and not cancelled: the order may be released (match-trigger). */
export function isReleasable(status: OrderStatus): boolean {
  return APPROVED_OR_LATER.includes(status);
}

/** Statuses Soisy can still move, that reconciliation asks about; `pending` has no token to ask with. */
export const OPEN_STATUSES: readonly OrderStatus[] = Object.values(OrderStatusEnum).filter(
  (status) => !isFinal(status) && status !== 'pending',
);

/**
 * The storefront's checkout steps, stricter than NEXT (which also admits callbacks' forward jumps):
 * a loan request only on a created order or to repeat one, an approval only after a loan request.
 */
export function canRequestLoan(status: OrderStatus): boolean {
  return status === 'created' || status === 'requested';
}

export function canRequestApproval(status: OrderStatus): boolean {
  return status === 'requested';
}

/** Soisy decided (or the loan went further): a second approval must not reach Soisy. */
export function isDecided(status: OrderStatus): boolean {
  return ['approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled'].includes(status);
}

/**
 * A create-order call Soisy refused, or one whose order creation recovery established Soisy never
 * made, left nothing at Soisy, so the same orderReference may be tried again: the row goes back to
 * `pending`. Kept out of NEXT on purpose: for everything else
 * (callbacks, sync, cancellation) a failed order stays final.
 */
export function canRetryCreation(status: OrderStatus): boolean {
  return status === 'failed';
}

/** The statuses an abandoned order is expired from, in the order the checkout reaches them. */
export const EXPIRABLE_STATUSES = ['created', 'requested'] as const satisfies readonly OrderStatus[];
export type ExpirableStatus = (typeof EXPIRABLE_STATUSES)[number];

/** The local status that Soisy's (normalised) order status means. */
export const LOCAL_STATUS_OF: Record<SoisyOrderStatus, OrderStatus> = {
  quote: 'created',
  request_received: 'requested',
  request_accepted: 'approved',
  waiting_for_verification: 'completed',
  waiting_for_disbursement: 'verified',
  disbursed: 'disbursed',
  cancelled: 'cancelled',
};
