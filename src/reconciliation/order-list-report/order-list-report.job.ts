import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/scheduling/interval-job.js';
import { AppConfig } from '../../config/app-config.js';
import { OrderListReportService } from './order-list-report.service.js';
import type { ReconciliationReport } from './reconciliation-report.js';

/**
 * Every scheduler tick, on every replica: a report when the latest is older than
 * ORDER_LIST_RECONCILE_INTERVAL_MINUTES and no other replica is making one (the lease decides), so
 * replicas together make one report per interval. A tick that makes none refreshes the metrics from
 * the latest report, whichever replica made it.
 */
@Injectable()
export class OrderListReportJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly service: OrderListReportService,
  ) {
    super('reconciliation.order-list', registry, config.scheduler);
  }

  runOnce(): Promise<ReconciliationReport | undefined> {
    return this.service.runIfDue({ requestedBy: 'scheduler', source: 'scheduler' });
  }
}
