import { Module } from '@nestjs/common';
import { BackOfficeGuard } from '../../common/auth/back-office.guard.js';
import { OrdersModule } from '../../orders/orders.module.js';
import { CancellationController } from './cancellation.controller.js';
import { CancellationService } from './cancellation.service.js';

/** The merchant's cancellation of an order (local only: Soisy has no cancel call). */
@Module({
  imports: [OrdersModule],
  controllers: [CancellationController],
  providers: [BackOfficeGuard, CancellationService],
})
export class CancellationModule {}
