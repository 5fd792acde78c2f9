import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { CallbackConfirmationJob } from './callback-confirmation.job.js';
import { CallbackConfirmationRepository } from './callback-confirmation.repository.js';
import { CallbackConfirmations } from './callback-confirmations.js';
import { CallbacksController } from './callbacks.controller.js';
import { CallbacksRepository } from './callbacks.repository.js';
import { CallbacksService } from './callbacks.service.js';

/** Soisy's callbacks: authenticated by the per-order secret, deduplicated, confirmed by Get order. */
@Module({
  imports: [OrdersModule],
  controllers: [CallbacksController],
  providers: [CallbacksRepository, CallbacksService, CallbackConfirmations, CallbackConfirmationRepository, CallbackConfirmationJob],
})
export class CallbacksModule {}
