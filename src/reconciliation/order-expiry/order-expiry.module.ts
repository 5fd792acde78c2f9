import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OrdersModule } from '../../orders/orders.module.js';
import { SoisyModule } from '../../soisy/index.js';
import { OrderExpiryJob } from './order-expiry.job.js';
import { OrderExpiryService } from './order-expiry.service.js';

/** Expiry of orders abandoned in `created`/`requested`, confirmed with Soisy first (README.md beside this file). */
@Module({
  imports: [ScheduleModule.forRoot(), OrdersModule, SoisyModule],
  providers: [OrderExpiryService, OrderExpiryJob],
})
export class OrderExpiryModule {}
