import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BackOfficeGuard } from '../common/auth/back-office.guard.js';
import { DeliveryClaimsRepository } from './delivery-claims.repository.js';
import { MerchantEventDeliveryJob } from './merchant-event-delivery.job.js';
import { MerchantEventsController } from './merchant-events.controller.js';
import { MerchantEventsRepository } from './merchant-events.repository.js';
import { MerchantEventsService } from './merchant-events.service.js';
import { WebhookSender } from './webhook-sender.js';

/** Merchant events: the delivery worker and the back-office routes (the outbox is in src/orders/outbox). */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [MerchantEventsController],
  providers: [BackOfficeGuard, DeliveryClaimsRepository, MerchantEventDeliveryJob, MerchantEventsRepository, MerchantEventsService, WebhookSender],
})
export class MerchantEventsModule {}
