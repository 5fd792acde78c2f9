import { backoffDelayMs, DEFAULT_RETRY_POLICY, mayRetry } from './soisy-retry.js';

describe('When a Soisy call may be repeated', () => {
  it('repeats a GET after a 5xx, a timeout or a dropped connection', () => {
    expect(mayRetry('GET', { status: 500 })).toBe(true);
    expect(mayRetry('GET', { failure: { kind: 'read_timeout' } })).toBe(true);
    expect(mayRetry('GET', { failure: { kind: 'dropped' } })).toBe(true);
  });

  it('repeats a POST only when Soisy provably never received it', () => {
    expect(mayRetry('POST', { failure: { kind: 'not_sent', reason: 'refused' } })).toBe(true);
    expect(mayRetry('POST', { failure: { kind: 'not_sent', reason: 'connect_timeout' } })).toBe(true);
    expect(mayRetry('POST', { failure: { kind: 'not_sent', reason: 'dns' } })).toBe(true);
    expect(mayRetry('POST', { status: 500 })).toBe(false);
    expect(mayRetry('POST', { failure: { kind: 'read_timeout' } })).toBe(false);
    expect(mayRetry('POST', { failure: { kind: 'dropped' } })).toBe(false);
  });

  it('never repeats a 4xx', () => {
    for (const status of [400, 403, 404, 409, 422, 429]) expect(mayRetry('GET', { status })).toBe(false);
  });

  it('waits a random time under a ceiling that doubles and is capped', () => {
    const highest = { ...DEFAULT_RETRY_POLICY, random: () => 0.999 };
    expect([0, 1, 2, 3, 10].map((retry) => backoffDelayMs(highest, retry))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelayMs({ ...DEFAULT_RETRY_POLICY, random: () => 0 }, 3)).toBe(0);
  });
});
