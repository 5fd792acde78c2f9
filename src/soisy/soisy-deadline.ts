import type { SoisyConfig } from '../config/app-config.js';

/**
 * The budget of one gateway call, retries and backoff included (ms): `SOISY_CALL_BUDGET_MS`, or
 * one full attempt (connect + read timeout) when unset. Every call kind has this budget; the route
 * table in the README lists which calls each route makes.
 */
export function soisyCallBudgetMs(config: Pick<SoisyConfig, 'callBudgetMs' | 'connectTimeoutMs' | 'timeoutMs'>): number {
  return config.callBudgetMs ?? config.connectTimeoutMs + config.timeoutMs;
}

/** A read window shorter than this is not worth a retry: it would only add a timeout to the failure. */
const SHORTEST_USEFUL_READ_MS = 250;

/**
 * The moment one gateway call must be over. Each attempt's read timeout is capped by what remains,
 * and a retry is made only when, after its backoff, a whole connect timeout plus a useful read
 * window still fit: an attempt that cannot finish in time is not started.
 */
export class CallDeadline {
  private readonly endsAt: number;

  constructor(
    budgetMs: number,
    private readonly connectTimeoutMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.endsAt = now() + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.now());
  }

  /** The read timeout of an attempt starting now: the configured one, or less if the budget says so. */
  readTimeoutMs(configuredMs: number): number {
    return Math.max(1, Math.min(configuredMs, this.remainingMs()));
  }

  allowsAttemptAfter(delayMs: number, configuredReadMs: number): boolean {
    const readWindow = this.remainingMs() - delayMs - this.connectTimeoutMs;
    return readWindow >= Math.min(configuredReadMs, SHORTEST_USEFUL_READ_MS);
  }
}
