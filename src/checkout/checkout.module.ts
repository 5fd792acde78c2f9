import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IdempotencyModule } from '../common/idempotency/index.js';
import { OrderLimitsCheck } from '../common/order-limits.js';
import { OrdersModule } from '../orders/orders.module.js';
import { SoisyModule } from '../soisy/index.js';
import { ApprovalService } from './approval.service.js';
import { CheckoutSteps } from './checkout-steps.js';
import { CreationRecoveryJob } from './creation-recovery/creation-recovery.job.js';
import { CreationRecoveryRepository } from './creation-recovery/creation-recovery.repository.js';
import { CreationRecoveryService } from './creation-recovery/creation-recovery.service.js';
import { LoanRequestService } from './loan-request.service.js';
import { OrderCreationService } from './order-creation.service.js';
import { OrderViewService } from './order-view.service.js';
import { OrdersController } from './orders.controller.js';

/** The storefront's checkout routes, and the recovery of creations whose answer was lost. */
@Module({
  imports: [ScheduleModule.forRoot(), OrdersModule, SoisyModule, IdempotencyModule],
  controllers: [OrdersController],
  providers: [
    OrderLimitsCheck,
    CheckoutSteps,
    OrderCreationService,
    LoanRequestService,
    ApprovalService,
    OrderViewService,
    CreationRecoveryRepository,
    CreationRecoveryService,
    CreationRecoveryJob,
  ],
})
export class CheckoutModule {}
