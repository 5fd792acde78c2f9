import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config.js';
import { redactDeep, redactUrl } from './redact.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Structured JSON logs (pino), a request id on every line of a request, personal data masked. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // Reuse the caller's id when it looks like one, so a request can be followed across services.
          genReqId: (request: IncomingMessage) => {
            const given = request.headers['x-request-id'];
            return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          },
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
          serializers: {
            req: (request: { id: unknown; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: redactUrl(request.url),
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          formatters: { log: (object: Record<string, unknown>) => redactDeep(object) as Record<string, unknown> },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
