import { afterFailure, MAX_DELAY_MS } from './delivery-backoff.js';

describe('afterFailure', () => {
  const created = new Date('2026-11-29T10:00:00Z');
  const at = (ms: number) => new Date(created.getTime() + ms);

  it('retries after 15 to 30 seconds the first time, doubling after each failure', () => {
    expect(afterFailure(created, created, 1, 72, () => 0)).toEqual({ status: 'pending', nextAttemptAt: at(15_000) });
    expect(afterFailure(created, created, 1, 72, () => 1)).toEqual({ status: 'pending', nextAttemptAt: at(30_000) });
    expect(afterFailure(created, created, 3, 72, () => 1)).toEqual({ status: 'pending', nextAttemptAt: at(120_000) });
  });

  it('never waits more than four hours between attempts', () => {
    expect(afterFailure(created, created, 40, 72, () => 1)).toEqual({ status: 'pending', nextAttemptAt: at(MAX_DELAY_MS) });
  });

  it('keeps retrying until the retry window has passed, then gives up', () => {
    const justBefore = at(72 * 3_600_000 - 1);
    expect(afterFailure(justBefore, created, 30, 72, () => 0.5).status).toBe('pending');
    expect(afterFailure(at(72 * 3_600_000), created, 31, 72, () => 0.5)).toEqual({ status: 'failed' });
  });
});
