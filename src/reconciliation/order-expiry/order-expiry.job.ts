import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/scheduling/interval-job.js';
import { AppConfig } from '../../config/app-config.js';
import { OrderExpiryService, type ExpiryRun } from './order-expiry.service.js';

/** Every ORDER_EXPIRY_INTERVAL_MINUTES on every replica (SKIP LOCKED claims keep them apart), when the scheduler runs. */
@Injectable()
export class OrderExpiryJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly service: OrderExpiryService,
  ) {
    super('order-expiry', registry, { ...config.scheduler, intervalSeconds: config.orderExpiry.intervalMinutes * 60 });
  }

  runOnce(): Promise<ExpiryRun> {
    return this.service.run(() => this.stopping);
  }
}
