import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BackOfficeGuard } from '../../common/auth/back-office.guard.js';
import { OrdersModule } from '../../orders/orders.module.js';
import { SoisyModule } from '../../soisy/index.js';
import { JobLeaseRepository } from './job-lease.repository.js';
import { OrderListReportController } from './order-list-report.controller.js';
import { OrderListReportJob } from './order-list-report.job.js';
import { OrderListReportRepository } from './order-list-report.repository.js';
import { OrderListReportService } from './order-list-report.service.js';

/** Reconciliation with Soisy's order list: orphans and mismatches, on a schedule and on demand. */
@Module({
  imports: [ScheduleModule.forRoot(), SoisyModule, OrdersModule],
  controllers: [OrderListReportController],
  providers: [BackOfficeGuard, JobLeaseRepository, OrderListReportRepository, OrderListReportService, OrderListReportJob],
})
export class OrderListReportModule {}
