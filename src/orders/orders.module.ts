import { Module } from '@nestjs/common';
import { SoisyModule } from '../soisy/index.js';
import { OrderEventWriter } from './order-event-writer.js';
import { OrderSyncService } from './order-sync.service.js';
import { OrdersRepository } from './orders.repository.js';

/**
 * The orders core: provided here once, imported by every feature (checkout, back office,
 * callbacks, reconciliation). No controllers.
 */
@Module({
  imports: [SoisyModule],
  providers: [OrdersRepository, OrderEventWriter, OrderSyncService],
  exports: [OrdersRepository, OrderSyncService],
})
export class OrdersModule {}
