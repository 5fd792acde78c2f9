import type { TransportFailure } from './soisy-failure.js';

/** How often and how patiently a repeatable Soisy call is tried again. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Overridable so tests run instantly and deterministically. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Nest injection token: provide a RetryPolicy to override the default (tests, tuning). */
export const SOISY_RETRY_POLICY = Symbol('SOISY_RETRY_POLICY');

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000 };

export type HttpMethod = 'GET' | 'POST';
export type AttemptResult = { status: number } | { failure: TransportFailure };

/**
 * GETs change nothing, so any server-side or transport failure may be tried again. A POST is
 * repeated only when Soisy provably never received it: otherwise a retry could create a second
 * order or a second loan request. A 4xx is Soisy's considered answer and is never repeated.
 */
export function mayRetry(method: HttpMethod, result: AttemptResult): boolean {
  if ('status' in result) return method === 'GET' && result.status >= 500;
  return method === 'GET' || result.failure.kind === 'not_sent';
}

/** "Full jitter" exponential backoff: spreads retries from many replicas instead of synchronising them. */
export function backoffDelayMs(policy: RetryPolicy, retryIndex: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

export function sleepFor(policy: RetryPolicy, ms: number): Promise<void> {
  if (policy.sleep) return policy.sleep(ms);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
