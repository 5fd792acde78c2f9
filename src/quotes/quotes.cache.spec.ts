import { jest } from '@jest/globals';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { QuotesCache } from './quotes.cache.js';

class ManualClock extends Clock {
  constructor(public time = 0) {
    super();
  }
  now(): Date {
    return new Date(this.time);
  }
}

describe('the quotes cache', () => {
  const clock = new ManualClock();
  const sut = (ttlSeconds = 60) => new QuotesCache<number>({ quotesCacheTtlSeconds: ttlSeconds } as AppConfig, clock);

  it('keeps an answer for its time to live, then asks again', async () => {
    const cache = sut();
    const load = jest.fn<() => Promise<number>>().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    expect(await cache.get('k', load)).toBe(1);
    clock.time += 59_000;
    expect(await cache.get('k', load)).toBe(1);
    clock.time += 2_000;
    expect(await cache.get('k', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent misses of the same key', async () => {
    const cache = sut();
    let resolve!: (value: number) => void;
    const load = jest.fn(() => new Promise<number>((done) => (resolve = done)));
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    resolve(7);
    expect(await both).toEqual([7, 7]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failure', async () => {
    const cache = sut();
    const load = jest.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(3);
    await expect(cache.get('k', load)).rejects.toThrow('down');
    expect(await cache.get('k', load)).toBe(3);
  });

  it('keeps nothing when the time to live is zero', async () => {
    const cache = sut(0);
    const load = jest.fn<() => Promise<number>>().mockResolvedValue(1);
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
