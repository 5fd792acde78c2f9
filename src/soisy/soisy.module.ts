import { Module } from '@nestjs/common';
import { DEFAULT_RETRY_POLICY, SOISY_RETRY_POLICY } from './soisy-retry.js';
import { SoisyGateway } from './soisy.gateway.js';

/**
 * Provides SoisyGateway (with its own pooled undici transport, see connect-timeout-agent.ts);
 * AppConfig comes from the global AppConfigModule. The retry policy is a
 * provider of its own so tests can `overrideProvider(SOISY_RETRY_POLICY)` to retry without waiting.
 */
@Module({
  providers: [SoisyGateway, { provide: SOISY_RETRY_POLICY, useValue: DEFAULT_RETRY_POLICY }],
  exports: [SoisyGateway],
})
export class SoisyModule {}
