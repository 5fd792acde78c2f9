import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock.js';
import { IntervalJob } from '../../common/scheduling/interval-job.js';
import { AppConfig } from '../../config/app-config.js';
import { OrdersRepository } from '../../orders/orders.repository.js';
import { ReleaseAttemptsService } from './release-attempts.service.js';

/** Releases claimed per tick; the rest wait for the next tick (or another instance). */
const BATCH = 20;

export interface ReleaseTickReport {
  expired: number;
  abandoned: number;
  attempted: number;
  released: number;
}

/** Sends due scheduled releases, on the interval and whenever a test calls `runOnce()`. */
@Injectable()
export class ReleaseScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly orders: OrdersRepository,
    private readonly attempts: ReleaseAttemptsService,
  ) {
    super('release-scheduler', registry, config.scheduler);
  }

  async runOnce(): Promise<ReleaseTickReport> {
    const now = this.clock.now();
    const expired = await this.orders.releases.expireClaims(now);
    const abandoned = await this.orders.releases.failUnreleasable(now);
    let attempted = 0;
    let released = 0;
    // One claim at a time, each just before its call: a claim's lease must cover its own call,
    // not the calls queued before it (else another instance would take it for a dead one).
    // Every claim returned is attempted (the claim picks its rows once, in a MATERIALIZED CTE, so
    // it returns at most one here; a row left unattempted would sit in_progress, never called,
    // until its lease expired into `unknown`).
    // A graceful shutdown stops the claiming; the claim in hand is attempted to its end.
    while (attempted < BATCH && !this.stopping) {
      const claims = await this.orders.releases.claimDue(this.clock.now(), 1);
      if (claims.length === 0) break;
      for (const claim of claims) {
        attempted += 1;
        const settled = await this.attempts.attempt(claim);
        if (settled?.releaseStatus === 'released') released += 1;
      }
    }
    return { expired, abandoned, attempted, released };
  }
}
