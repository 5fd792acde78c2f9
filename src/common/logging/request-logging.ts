import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { redactUrl } from './redact.js';

const QUIET_PREFIXES = ['/health', '/metrics'];

/**
 * One line per request, written by Fastify's request logger (which carries the request id) once
 * the response is sent. The URL is logged with callback secrets masked; headers and bodies never.
 */
export function registerRequestLogging(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // Below LOG_LEVEL=info the line would be dropped: then nothing is built for it.
    // Fastify's request logger is a pino child (createApp hands it the root pino logger).
    if ((request.log as Logger).isLevelEnabled('info') && !QUIET_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      request.log.info(
        {
          req: { method: request.method, url: redactUrl(request.url), route: request.routeOptions.url },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
