import { Module } from '@nestjs/common';
import { BackOfficeKeysCheck } from '../../common/auth/back-office-keys.check.js';
import { BackOfficeGuard } from '../../common/auth/back-office.guard.js';
import { ReconciliationModule } from '../../reconciliation/reconciliation.module.js';
import { BackOfficeOrdersController } from './back-office-orders.controller.js';
import { BackOfficeOrdersRepository } from './back-office-orders.repository.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';

/** The merchant back office's view of orders: the list and a manual re-sync from Soisy. */
@Module({
  imports: [ReconciliationModule],
  controllers: [BackOfficeOrdersController],
  providers: [BackOfficeGuard, BackOfficeKeysCheck, BackOfficeOrdersRepository, BackOfficeOrdersService],
})
export class BackOfficeModule {}
