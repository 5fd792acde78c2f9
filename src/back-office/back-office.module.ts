import { Module } from '@nestjs/common';
import { BackOfficeKeysCheck } from '../common/auth/back-office-keys.check.js';
import { BackOfficeGuard } from '../common/auth/back-office.guard.js';
import { OrdersModule } from '../orders/orders.module.js';
import { BackOfficeOrdersController } from './back-office-orders.controller.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';
import { ReleaseModule } from './release/release.module.js';

/** The merchant back office's view of orders: the list, a manual re-sync from Soisy, and releases. */
@Module({
  imports: [OrdersModule, ReleaseModule],
  controllers: [BackOfficeOrdersController],
  providers: [BackOfficeGuard, BackOfficeKeysCheck, BackOfficeOrdersService],
})
export class BackOfficeModule {}
