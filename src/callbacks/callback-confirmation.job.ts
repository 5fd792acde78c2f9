import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { IntervalJob } from '../common/scheduling/interval-job.js';
import { AppConfig } from '../config/app-config.js';
import { CallbackConfirmationRepository } from './callback-confirmation.repository.js';
import { CallbackConfirmations } from './callback-confirmations.js';

/** Callbacks taken over per tick at most. */
export const CONFIRMATION_BATCH_SIZE = 50;

/**
 * Every RECOVERY_INTERVAL_SECONDS: callbacks received but not confirmed whose lease has passed
 * (the instance that answered them died, or their try failed) are confirmed here, seconds after a
 * restart instead of when reconciliation reaches the order. Claimed with SKIP LOCKED: once.
 */
@Injectable()
export class CallbackConfirmationJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly repository: CallbackConfirmationRepository,
    private readonly confirmations: CallbackConfirmations,
  ) {
    super('callback-confirmation', registry, { ...config.scheduler, intervalSeconds: config.recovery.intervalSeconds });
  }

  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const held = await this.repository.claimDue(now, this.confirmations.leaseUntil(now), CONFIRMATION_BATCH_SIZE);
    await Promise.all(held.map((callback) => this.confirmations.enqueue(callback)));
    return held.length;
  }
}
