import { Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { IdempotentReplayInterceptor } from './idempotent-replay.interceptor.js';

/** Import where a route accepts `Idempotency-Key`; PrismaService and Clock come from global modules. */
@Module({
  providers: [IdempotencyRepository, IdempotencyService, IdempotentReplayInterceptor],
  exports: [IdempotencyService, IdempotentReplayInterceptor],
})
export class IdempotencyModule {}
