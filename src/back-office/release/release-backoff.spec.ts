import { nextAttemptAt } from './release-backoff.js';

describe('the retry delay of a failed release', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const delay = (attempt: number, random: number) => (nextAttemptAt(now, attempt, 60, () => random).getTime() - now.getTime()) / 1000;

  it('starts at the base delay and doubles with each failure', () => {
    expect([1, 2, 3, 4].map((attempt) => delay(attempt, 0))).toEqual([60, 120, 240, 480]);
  });

  it('adds at most a quarter of the delay at random', () => {
    expect(delay(1, 0.999)).toBeLessThanOrEqual(75);
    expect(delay(3, 0.5)).toBe(270);
  });
});
