import type { EventSource } from '../generated/prisma/enums.js';
import { isReleasable } from '../orders/order-lifecycle.js';
import { OrderStatus } from '../generated/prisma/enums.js';

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
}

/** The local statuses a release is allowed from, for the claim queries' WHERE clauses. */
export const RELEASABLE_STATUSES: readonly string[] = Object.values(OrderStatus).filter(isReleasable);

/**
 * How long a claim may stay `in_progress` before its instance is presumed dead. Far above the
 * longest Soisy call (read timeout + retries of unsent requests), so a slow call is never taken
 * for a dead one.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;
