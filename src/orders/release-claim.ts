import { isReleasable } from './order-lifecycle.js';
import { OrderStatus, type EventData, type EventSource, type ReleaseStatus } from './order.js';

/**
 * The right to send one match-trigger, won by moving the row to `in_progress` in a committed
 * statement. `attempt` fences it: only the holder of that attempt number may settle it.
 */
export interface ReleaseClaim {
  id: string;
  token: string;
  amountCents: number;
  attempt: number;
  source: EventSource;
  /** The back-office key's name that asked for this release now; null for the scheduler's claims. */
  actor: string | null;
}

/** The local statuses a release is allowed from, for the claim queries' WHERE clauses. */
export const RELEASABLE_STATUSES: readonly string[] = Object.values(OrderStatus).filter(isReleasable);

/**
 * How long a claim may stay `in_progress` before its instance is presumed dead. Far above the
 * longest Soisy call (read timeout + retries of unsent requests), so a slow call is never taken
 * for a dead one.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** How one attempt ended, as it is stored on the order and in its event. */
export interface Settlement {
  status: Extract<ReleaseStatus, 'released' | 'scheduled' | 'failed' | 'unknown'>;
  releasedAt?: Date;
  nextAttemptAt?: Date;
  lastError?: string;
  eventType: string;
  eventData?: EventData;
}

export const EXPIRED_CLAIM_ERROR = "The instance sending the match-trigger stopped before recording Soisy's answer";
export const UNRELEASABLE_ERROR = 'The order stopped being releasable before its release was due';
