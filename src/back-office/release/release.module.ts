import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BackOfficeGuard } from '../../common/auth/back-office.guard.js';
import { IdempotencyModule } from '../../common/idempotency/index.js';
import { OrdersModule } from '../../orders/orders.module.js';
import { SoisyModule } from '../../soisy/index.js';
import { ReleaseAttemptsService } from './release-attempts.service.js';
import { ReleaseResolutionService } from './release-resolution.service.js';
import { ReleaseController } from './release.controller.js';
import { ReleaseScheduler } from './release.scheduler.js';
import { ReleaseService } from './release.service.js';

/** Suspended-order release: the back-office route and the scheduler of due releases. */
@Module({
  imports: [ScheduleModule.forRoot(), OrdersModule, SoisyModule, IdempotencyModule],
  controllers: [ReleaseController],
  providers: [BackOfficeGuard, ReleaseAttemptsService, ReleaseService, ReleaseResolutionService, ReleaseScheduler],
})
export class ReleaseModule {}
