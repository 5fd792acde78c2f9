import { Module } from '@nestjs/common';
import { OrderLimitsCheck } from '../common/order-limits.js';
import { SoisyModule } from '../soisy/index.js';
import { QuotesCache } from './quotes.cache.js';
import { QuotesController } from './quotes.controller.js';
import { QuotesService } from './quotes.service.js';

@Module({
  imports: [SoisyModule],
  controllers: [QuotesController],
  providers: [QuotesService, QuotesCache, OrderLimitsCheck],
})
export class QuotesModule {}
