import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IdempotencyModule } from '../common/idempotency/index.js';
import { SoisyModule } from '../soisy/index.js';
import { ApprovalService } from './approval.service.js';
import { CheckoutSteps } from './checkout-steps.js';
import { CreationRecoveryJob } from './creation-recovery/creation-recovery.job.js';
import { CreationRecoveryRepository } from './creation-recovery/creation-recovery.repository.js';
import { CreationRecoveryService } from './creation-recovery/creation-recovery.service.js';
import { LoanRequestService } from './loan-request.service.js';
import { OrderCreationRepository } from './order-creation.repository.js';
import { OrderCreationService } from './order-creation.service.js';
import { OrderLimitsCheck } from './order-limits.js';
import { OrderViewService } from './order-view.service.js';
import { OrdersController } from './orders.controller.js';
import { OrdersRepository } from './orders.repository.js';
import { StepClaimsRepository } from './step-claims.repository.js';

/** The storefront's checkout routes. Exports the repository and limits for the back office. */
@Module({
  imports: [ScheduleModule.forRoot(), SoisyModule, IdempotencyModule],
  controllers: [OrdersController],
  providers: [
    OrdersRepository,
    OrderCreationRepository,
    OrderLimitsCheck,
    StepClaimsRepository,
    CheckoutSteps,
    OrderCreationService,
    LoanRequestService,
    ApprovalService,
    OrderViewService,
    CreationRecoveryRepository,
    CreationRecoveryService,
    CreationRecoveryJob,
  ],
  exports: [OrdersRepository, OrderLimitsCheck],
})
export class OrdersModule {}
