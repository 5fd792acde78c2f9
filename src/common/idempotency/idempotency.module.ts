import { Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { AnswerInterceptor } from '../http/answer.js';

/** Import where a route accepts `Idempotency-Key`; PrismaService and Clock come from global modules. */
@Module({
  providers: [IdempotencyRepository, IdempotencyService, AnswerInterceptor],
  exports: [IdempotencyService, AnswerInterceptor],
})
export class IdempotencyModule {}
