import { OrderStatus, type CheckoutStep, type Order } from './order.js';
import { canRequestApproval, canRequestLoan } from './order-lifecycle.js';

/**
 * The right to call Soisy for one checkout step of one order, won by a committed conditional
 * UPDATE (OrdersRepository.steps). `id` fences it: only its holder may release it.
 */
export interface StepClaim {
  orderId: string;
  step: CheckoutStep;
  id: string;
}

/** The local statuses each step may be claimed from, for the claim's WHERE clause. */
export const CLAIMABLE_STATUSES: Record<CheckoutStep, readonly string[]> = {
  loan_request: Object.values(OrderStatus).filter(canRequestLoan),
  approval: Object.values(OrderStatus).filter(canRequestApproval),
};

/**
 * How long a claim holds before its instance is presumed dead. Above the longest step: a Soisy call
 * with the largest allowed timeouts (three connects of 15 s for unsent retries, one 60 s read, ~2 s
 * of backoff) plus two short transactions. A slow call is never taken for a dead one; a crash
 * blocks the step for at most this long.
 */
export const STEP_CLAIM_LEASE_MS = 3 * 60_000;

/**
 * What `Retry-After` tells a caller that found the step in progress: most Soisy answers arrive
 * within a second, and a retry once the first call has finished gets its answer replayed.
 */
export const STEP_RETRY_AFTER_SECONDS = 2;

/**
 * Whether a loan request or approval is being sent to Soisy for this order right now: a claim holds
 * it and has not expired. What the step itself, a merchant cancel and a callback's confirmation
 * each wait for.
 */
export function stepInFlight<T extends Pick<Order, 'stepClaim' | 'stepClaimExpiresAt'>>(order: T, now: Date): order is T & { stepClaim: CheckoutStep; stepClaimExpiresAt: Date } {
  return order.stepClaim !== null && order.stepClaimExpiresAt !== null && order.stepClaimExpiresAt > now;
}
