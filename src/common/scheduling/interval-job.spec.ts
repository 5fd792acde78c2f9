import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { SchedulerConfig } from '../../config/app-config.js';
import { IntervalJob } from './interval-job.js';

/** A job whose every tick waits until the test lets it finish. */
class HeldJob extends IntervalJob {
  ticks = 0;
  private finish?: () => void;

  constructor(registry: SchedulerRegistry) {
    super('held-job', registry, { enabled: true, intervalSeconds: 1 } as SchedulerConfig);
  }

  runOnce(): Promise<void> {
    this.ticks += 1;
    return new Promise((resolve) => (this.finish = resolve));
  }

  finishTick(): void {
    this.finish?.();
  }

  get claimsStopped(): boolean {
    return this.stopping;
  }
}

describe('IntervalJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('on drain, stops ticking and claiming, and resolves only once the running tick has finished', async () => {
    const registry = new SchedulerRegistry();
    const sut = new HeldJob(registry);
    sut.onApplicationBootstrap();
    jest.advanceTimersByTime(1_000);
    expect(sut.ticks).toBe(1);

    let drained = false;
    const drain = sut.drain().then(() => (drained = true));
    expect(sut.claimsStopped).toBe(true);
    expect(registry.getIntervals()).toEqual([]);
    jest.advanceTimersByTime(10_000);
    await Promise.resolve();
    expect(drained).toBe(false);
    expect(sut.ticks).toBe(1);

    sut.finishTick();
    await drain;
    expect(drained).toBe(true);
    await sut.onModuleDestroy();
    expect(sut.ticks).toBe(1);
  });

  it('logs a tick the database was too busy for as a warning with its reason, anything else as an error', async () => {
    const failures = [new Error('timeout exceeded when trying to connect'), new TypeError('a bug')];
    class FailingJob extends IntervalJob {
      constructor(registry: SchedulerRegistry) {
        super('failing-job', registry, { enabled: true, intervalSeconds: 1 } as SchedulerConfig);
      }

      runOnce(): Promise<void> {
        return Promise.reject(failures.shift());
      }

      get log() {
        return this.logger;
      }
    }
    const registry = new SchedulerRegistry();
    const job = new FailingJob(registry);
    const warn = jest.spyOn(job.log, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(job.log, 'error').mockImplementation(() => undefined);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(warn).toHaveBeenCalledWith({ reason: 'no connection in time' }, 'failing-job tick skipped: the database is unavailable or too busy');
    expect(error).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(error).toHaveBeenCalledWith({ err: expect.any(TypeError) }, 'failing-job tick failed');
    await job.drain();
  });
});
