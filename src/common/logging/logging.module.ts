import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * Structured JSON logs through the process's one pino instance. nestjs-pino binds a child logger
 * carrying the request id (Fastify's, see root-logger.ts) to each request, so every line the
 * application writes while serving it can be traced back to it. Request lines themselves are
 * written by request-logging.ts.
 */
@Module({})
export class LoggingModule {
  static forRoot(rootLogger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
          pinoHttp: {
            logger: rootLogger,
            autoLogging: false,
            quietReqLogger: true,
            genReqId: (request: IncomingMessage & { id?: unknown }) => String(request.id),
            customAttributeKeys: { reqId: 'requestId' },
          },
        }),
      ],
    };
  }
}
