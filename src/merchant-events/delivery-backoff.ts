/** First retry after this; doubles per failure up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 30_000;
/** A receiver down for days is retried every few hours, not every few seconds. */
export const MAX_DELAY_MS = 4 * 60 * 60_000;

export type FailureOutcome = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * What follows the `attempts`-th failed POST (1-based) of a delivery created at `createdAt`: the next
 * attempt after 30 s · 2^(attempts−1) (at most 4 h), with "equal jitter" (half fixed, half random) so
 * deliveries failed together do not retry in step; or `failed` once `retryHours` have passed since
 * the delivery was created. The window is checked at failure time, so a delivery is always retried for
 * at least `retryHours`. `random` is a port so tests can pin it.
 */
export function afterFailure(now: Date, createdAt: Date, attempts: number, retryHours: number, random: () => number = Math.random): FailureOutcome {
  if (now.getTime() - createdAt.getTime() >= retryHours * 3_600_000) return { status: 'failed' };
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + Math.round(delay / 2 + (delay / 2) * random())) };
}
