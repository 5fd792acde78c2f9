import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * Structured JSON logs through the process's one pino instance. Each request has one logger:
 * Fastify's request logger, a child carrying the request id (see root-logger.ts). nestjs-pino
 * (`useExisting`) binds that same logger to the request, so every line the application writes
 * while serving it carries the id once; it builds no loggers of its own per request (pino-http
 * would build two more, ~7 % of a cached quote's CPU). Request lines are written by
 * request-logging.ts.
 */
@Module({})
export class LoggingModule {
  static forRoot(rootLogger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
          useExisting: true,
          // Lines written outside any request (start-up, scheduled jobs) go through the root logger.
          pinoHttp: { logger: rootLogger },
        }),
      ],
    };
  }
}
