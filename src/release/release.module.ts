import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BackOfficeGuard } from '../common/auth/back-office.guard.js';
import { IdempotencyModule } from '../common/idempotency/index.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { SoisyModule } from '../soisy/index.js';
import { ReleaseAttemptsService } from './release-attempts.service.js';
import { ReleaseClaimsRepository } from './release-claims.repository.js';
import { ReleaseRecoveryRepository } from './release-recovery.repository.js';
import { ReleaseController } from './release.controller.js';
import { ReleaseRepository } from './release.repository.js';
import { ReleaseScheduler } from './release.scheduler.js';
import { ReleaseService } from './release.service.js';

/** Suspended-order release: the back-office route and the scheduler of due releases. */
@Module({
  imports: [ScheduleModule.forRoot(), SoisyModule, IdempotencyModule],
  controllers: [ReleaseController],
  providers: [
    BackOfficeGuard,
    OrdersRepository,
    ReleaseClaimsRepository,
    ReleaseRecoveryRepository,
    ReleaseRepository,
    ReleaseAttemptsService,
    ReleaseService,
    ReleaseScheduler,
  ],
})
export class ReleaseModule {}
