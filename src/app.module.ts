import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import { Clock, SystemClock } from './common/clock.js';
import { AnswerInterceptor } from './common/http/answer.js';
import { LifecycleModule } from './common/lifecycle/lifecycle.module.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { QuotesModule } from './quotes/quotes.module.js';
import { CheckoutModule } from './checkout/checkout.module.js';
import { BackOfficeModule } from './back-office/back-office.module.js';
import { CallbacksModule } from './callbacks/callbacks.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { WidgetModule } from './widget/widget.module.js';
import { MerchantEventOutboxModule } from './orders/outbox/merchant-event-outbox.module.js';
import { MerchantEventsModule } from './merchant-events/merchant-events.module.js';
import { OrderListReportModule } from './reconciliation/order-list-report/order-list-report.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { OrderExpiryModule } from './reconciliation/order-expiry/order-expiry.module.js';

/** Ports that tests may replace when they build the application. */
export interface AppPorts {
  clock?: Clock;
  /** Where log lines go (default stdout): tests capture them to check what is logged. */
  logDestination?: DestinationStream;
}

/** What `createApp` builds before the module graph and hands to it. */
export interface AppRuntime {
  rootLogger: Logger;
}

@Global()
@Module({})
class PortsModule {
  static forRoot(ports: AppPorts): DynamicModule {
    return {
      module: PortsModule,
      providers: [{ provide: Clock, useValue: ports.clock ?? new SystemClock() }],
      exports: [Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, runtime: AppRuntime, ports: AppPorts = {}): DynamicModule {
    return {
      module: AppModule,
      // The one way a route sets a status or headers beyond its @HttpCode (src/common/http/answer.ts).
      providers: [{ provide: APP_INTERCEPTOR, useClass: AnswerInterceptor }],
      imports: [
        AppConfigModule.forRoot(config),
        PortsModule.forRoot(ports),
        LoggingModule.forRoot(runtime.rootLogger),
        LifecycleModule,
        PrismaModule,
        HealthModule,
        MetricsModule,
        QuotesModule,
        CheckoutModule,
        BackOfficeModule,
        CallbacksModule,
        ReconciliationModule,
        WidgetModule,
        MerchantEventOutboxModule,
        MerchantEventsModule,
        OrderListReportModule,
        RetentionModule,
        OrderExpiryModule,
      ],
    };
  }
}
