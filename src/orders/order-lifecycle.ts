import type { OrderStatus } from '../generated/prisma/enums.js';
import type { SoisyOrderStatus } from '../soisy/soisy.types.js';

/**
 * The one place that says which local status may follow which (DESIGN.md § Order lifecycle).
 * Forward jumps are allowed because Soisy's callbacks can arrive late or out of order (a
 * `LoanWasVerified` before `RequestCompleted`), and because a shopper may finish in Soisy's own
 * funnel without our approval route. `requested → requested` is a repeated loan request.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['created', 'failed'],
  created: ['requested', 'approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled'],
  requested: ['requested', 'approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled'],
  approved: ['completed', 'verified', 'disbursed', 'cancelled'],
  completed: ['verified', 'disbursed', 'cancelled'],
  verified: ['disbursed', 'cancelled'],
  refused: [],
  disbursed: [],
  cancelled: [],
  failed: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** Approved or later, and not cancelled: the order may be released (match-trigger). */
export function isReleasable(status: OrderStatus): boolean {
  return ['approved', 'completed', 'verified', 'disbursed'].includes(status);
}

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
