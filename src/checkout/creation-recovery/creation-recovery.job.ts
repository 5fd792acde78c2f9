import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock.js';
import { IntervalJob } from '../../common/scheduling/interval-job.js';
import { AppConfig } from '../../config/app-config.js';
import { OrdersRepository } from '../../orders/orders.repository.js';
import { CreationRecoveryService, type Verdict } from './creation-recovery.service.js';

/** Pending orders decided per tick at most (one list read serves them all). */
export const RECOVERY_BATCH_SIZE = 50;

/**
 * Every RECOVERY_INTERVAL_SECONDS: pending orders whose create-order call can no longer be running
 * (the process died, the answer was lost, the commit failed) are looked up in Soisy's order list
 * and adopted or failed. Any replica may run it: rows are claimed with SKIP LOCKED and a lease.
 */
@Injectable()
export class CreationRecoveryJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly orders: OrdersRepository,
    private readonly recovery: CreationRecoveryService,
  ) {
    super('creation-recovery', registry, { ...config.scheduler, intervalSeconds: config.recovery.intervalSeconds });
  }

  async runOnce(): Promise<Record<Verdict, number>> {
    const now = this.clock.now();
    const claimed = await this.orders.recovery.claimDue(now, this.recovery.leaseUntil(now), RECOVERY_BATCH_SIZE);
    const report: Record<Verdict, number> = { adopted: 0, absent: 0, undecided: 0 };
    for (const verdict of await this.recovery.settle(claimed, 'sync')) report[verdict] += 1;
    if (report.adopted + report.absent > 0) this.logger.log(`Recovered pending orders: ${report.adopted} adopted, ${report.absent} absent at Soisy`);
    return report;
  }
}
