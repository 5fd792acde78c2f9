import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { SoisyGateway } from './soisy.gateway.js';

/** Provides SoisyGateway; AppConfig comes from the global AppConfigModule. */
@Module({
  imports: [HttpModule],
  providers: [SoisyGateway],
  exports: [SoisyGateway],
})
export class SoisyModule {}
