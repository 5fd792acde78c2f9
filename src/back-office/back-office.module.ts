import { Module } from '@nestjs/common';
import { BackOfficeKeysCheck } from '../common/auth/back-office-keys.check.js';
import { BackOfficeGuard } from '../common/auth/back-office.guard.js';
import { OrdersModule } from '../orders/orders.module.js';
import { BackOfficeOrdersController } from './back-office-orders.controller.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';
import { CancellationModule } from './cancellation/cancellation.module.js';
import { ReleaseModule } from './release/release.module.js';

/** The merchant back office's view of orders: the list, a manual re-sync from Soisy, the history with who acted, releases and cancellations. */
@Module({
  imports: [OrdersModule, ReleaseModule, CancellationModule],
  controllers: [BackOfficeOrdersController],
  providers: [BackOfficeGuard, BackOfficeKeysCheck, BackOfficeOrdersService],
})
export class BackOfficeModule {}
