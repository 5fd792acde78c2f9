import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpRequestDuration } from './metrics.js';

/** Times every response by its route template (never the raw URL: tokens and secrets live there). */
export function registerHttpMetrics(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
