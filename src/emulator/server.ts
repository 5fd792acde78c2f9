/** Builds the emulator's Fastify app: Soisy's API under /api, the funnel, and the control API. */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerBodyParsers } from './body-parsers.js';
import type { EmulatorContext } from './context.js';
import { registerConnections } from './connections.js';
import { registerControl } from './control.js';
import { registerFunnel } from './funnel.js';
import { domainError, systemError } from './messages.js';
import { registerRequestLog } from './request-hooks.js';
import { registerApproval } from './routes/approval.js';
import { registerCreateOrder } from './routes/create-order.js';
import { registerCreateRequest } from './routes/create-request.js';
import { registerOrderRoutes } from './routes/orders.js';
import { registerPublicRoutes } from './routes/public.js';
import type { TlsIdentity } from './tls.js';

/** Only the calls storefront widgets make from browsers are open to any origin, as at Soisy. */
const PUBLIC_API = /^\/+api\/+shops\/[^/?]+(\/loan-quotes)?\/?(\?|$)/;

export async function buildServer(context: EmulatorContext, tls?: TlsIdentity): Promise<FastifyInstance> {
  const app = Fastify({
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
    ...(context.options.keepAliveTimeoutMs ? { keepAliveTimeout: context.options.keepAliveTimeoutMs } : {}),
    logger: context.options.logger,
    bodyLimit: 1024 * 1024,
    // A base URL configured with a trailing slash must not turn every call into a 404.
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  });
  await app.register(cors, {
    delegator: (request, callback) => callback(null, { origin: PUBLIC_API.test(request.url ?? '') ? '*' : false }),
  });
  await registerBodyParsers(app);
  registerRequestLog(app, context.requestLog);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (!request.url.startsWith('/api')) return reply.code(status).send({ error: error.message });
    return reply.code(status).send(status === 500 ? systemError : domainError(error.message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(request.url.startsWith('/api') ? domainError('Resource not found') : { error: 'Not found' }));

  registerPublicRoutes(app, context);
  registerCreateOrder(app, context);
  registerOrderRoutes(app, context);
  registerCreateRequest(app, context);
  registerApproval(app, context);
  registerFunnel(app, context);
  registerControl(app, context);
  registerConnections(app);
  return app;
}
