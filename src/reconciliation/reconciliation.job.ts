import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { IntervalJob } from '../common/scheduling/interval-job.js';
import { AppConfig } from '../config/app-config.js';
import { OrderSyncService } from '../orders/order-sync.service.js';
import { OrdersRepository } from '../orders/orders.repository.js';

export interface ReconciliationReport {
  synced: number;
  moved: number;
  failed: number;
}

/**
 * Callbacks can be lost (Soisy does not document retries) or arrive while this service is down:
 * open orders nobody has heard of for RECONCILE_AFTER_MINUTES are re-synced from Get order, a
 * bounded batch per tick, oldest first.
 */
@Injectable()
export class ReconciliationJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly orders: OrdersRepository,
    private readonly syncService: OrderSyncService,
  ) {
    super('reconciliation', registry, config.scheduler);
  }

  async runOnce(): Promise<ReconciliationReport> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.scheduler.reconcileAfterMinutes * 60_000);
    const stale = await this.orders.sync.claimStale(cutoff, now, this.config.scheduler.reconcileBatchSize);
    const report: ReconciliationReport = { synced: 0, moved: 0, failed: 0 };
    for (const { token } of stale) {
      try {
        const order = await this.orders.findByToken(token);
        if (!order) continue;
        const result = await this.syncService.syncOrder(order, { source: 'sync', type: 'reconciliation', recordUnchanged: false });
        report.synced += 1;
        if (result.applied) report.moved += 1;
      } catch (error) {
        // Soisy unreachable or the order unknown there: the next tick after the age passes tries again.
        report.failed += 1;
        this.logger.warn({ err: error }, 'Could not reconcile an order');
      }
    }
    return report;
  }
}
