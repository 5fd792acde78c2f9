import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../common/scheduling/interval-job.js';
import { AppConfig } from '../config/app-config.js';
import { type RetentionRun, RetentionService } from './retention.service.js';

/** Every RETENTION_INTERVAL_MINUTES on every replica (the batches' SKIP LOCKED keeps them apart), when the scheduler runs. */
@Injectable()
export class RetentionJob extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly service: RetentionService,
  ) {
    super('retention', registry, { ...config.scheduler, intervalSeconds: config.retention.intervalMinutes * 60 });
  }

  runOnce(): Promise<RetentionRun> {
    return this.service.run(() => this.stopping);
  }
}
