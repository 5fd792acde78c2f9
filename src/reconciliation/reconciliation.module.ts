import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OrdersRepository } from '../orders/orders.repository.js';
import { SoisyModule } from '../soisy/index.js';
import { OrderSyncService } from './order-sync.service.js';
import { ReconciliationJob } from './reconciliation.job.js';
import { SyncRepository } from './sync.repository.js';

/** Following Soisy's status: the sync used by callbacks and the back office, and the periodic job. */
@Module({
  imports: [ScheduleModule.forRoot(), SoisyModule],
  providers: [OrdersRepository, SyncRepository, OrderSyncService, ReconciliationJob],
  exports: [OrderSyncService, OrdersRepository],
})
export class ReconciliationModule {}
