import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { DrainState } from './drain-state.js';
import { GracefulShutdown } from './graceful-shutdown.js';
import { InFlightInterceptor } from './in-flight.interceptor.js';

/** Graceful shutdown: the drain state, its in-flight count and the drain itself (see graceful-shutdown.ts). */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [DrainState, GracefulShutdown, { provide: APP_INTERCEPTOR, useClass: InFlightInterceptor }],
  exports: [DrainState, GracefulShutdown],
})
export class LifecycleModule {}
