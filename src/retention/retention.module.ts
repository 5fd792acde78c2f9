import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OrdersModule } from '../orders/orders.module.js';
import { RetentionJob } from './retention.job.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';

/** Personal data retention: the GDPR storage-limitation control (README § Personal data retention). */
@Module({
  imports: [ScheduleModule.forRoot(), OrdersModule],
  providers: [RetentionRepository, RetentionService, RetentionJob],
})
export class RetentionModule {}
