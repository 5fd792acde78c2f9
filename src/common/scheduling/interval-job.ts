import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { SchedulerConfig } from '../../config/app-config.js';
import { databaseUnavailableReason } from '../errors/database-unavailable.js';

/**
 * A periodic job on @nestjs/schedule's registry. `runOnce()` is the whole job, so tests call it
 * directly with a fake clock instead of waiting for the interval. Ticks never overlap within an
 * instance; across instances the job's own queries must be safe (SKIP LOCKED claims).
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private running?: Promise<void>;
  private registered = false;
  private stopped = false;

  protected constructor(
    private readonly name: string,
    private readonly registry: SchedulerRegistry,
    private readonly scheduler: SchedulerConfig,
  ) {
    this.logger = new Logger(name);
  }

  abstract runOnce(): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (!this.scheduler.enabled) return;
    this.registry.addInterval(this.name, setInterval(() => this.tick(), this.scheduler.intervalSeconds * 1000));
    this.registered = true;
  }

  /**
   * Stops ticking and lets a running tick finish what it has claimed: called at the start of a
   * graceful shutdown (src/common/lifecycle), and again before the database closes.
   */
  async drain(): Promise<void> {
    this.stopped = true;
    if (this.registered) this.registry.deleteInterval(this.name);
    this.registered = false;
    await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    await this.drain();
  }

  /** True once draining: a tick that claims work piece by piece stops claiming and returns. */
  protected get stopping(): boolean {
    return this.stopped;
  }

  /**
   * A database unreachable or too busy is a warning with its reason, as on the request side (the
   * problem filter): the next tick tries again, and its stack says nothing an operator can use.
   * Anything else is an error with its stack.
   */
  private tickFailed(error: unknown): void {
    const reason = databaseUnavailableReason(error);
    if (reason) this.logger.warn({ reason }, `${this.name} tick skipped: the database is unavailable or too busy`);
    else this.logger.error({ err: error }, `${this.name} tick failed`);
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.tickFailed(error))
      .finally(() => (this.running = undefined));
  }
}
