/** Up to this share of the delay is added at random, so many failed releases do not retry in step. */
const JITTER = 0.25;

/**
 * When to try again after the `attempt`-th failure (1-based): base · 2^(attempt−1), plus jitter.
 * `random` is a port so tests can pin it.
 */
export function nextAttemptAt(now: Date, attempt: number, baseSeconds: number, random: () => number = Math.random): Date {
  const delayMs = baseSeconds * 1000 * 2 ** Math.max(0, attempt - 1);
  return new Date(now.getTime() + Math.round(delayMs * (1 + JITTER * random())));
}
