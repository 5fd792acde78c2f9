import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OrdersModule } from '../orders/orders.module.js';
import { ReconciliationJob } from './reconciliation.job.js';

/** The periodic job that re-syncs open orders nobody has heard of for a while. */
@Module({
  imports: [ScheduleModule.forRoot(), OrdersModule],
  providers: [ReconciliationJob],
})
export class ReconciliationModule {}
