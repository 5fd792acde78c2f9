import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Per-client limits on the public API (`/v1/...`). Soisy's callbacks are exempt: throttling Soisy
 * would only delay the order updates it sends, and those routes are guarded by per-order secrets.
 * Operators' routes (health, docs) are exempt too.
 */
export async function registerRateLimit(app: NestFastifyApplication, perMinute: number): Promise<void> {
  await app.register(rateLimit, { global: false });
  // A root onRequest hook, not per-route config: unknown routes (scanners probing) count too.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', fastify.rateLimit({
    max: perMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/v1/') || request.url.startsWith('/v1/soisy/callbacks/'),
    // Thrown as an error with a 4xx statusCode, so the problem-details filter answers it.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: at most ${context.max} per minute; retry in ${context.after}.`), {
        statusCode: context.statusCode,
        code: 'RATE_LIMITED',
      }),
  }));
}
