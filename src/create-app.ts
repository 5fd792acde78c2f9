import { NestFactory, Reflector } from '@nestjs/core';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppPorts } from './app.module.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE } from './common/errors/problem-document.js';
import { registerBodyParsers } from './common/http/body-parsers.js';
import { handleClientError } from './common/http/client-errors.js';
import { registerRateLimit } from './common/http/rate-limit.js';
import { RequestShapeInterceptor } from './common/http/request-shape.interceptor.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { serverTimeoutOptions } from './common/http/server-timeouts.js';
import { registerDrainGate } from './common/lifecycle/drain-gate.js';
import { registerNulRejection } from './common/http/reject-nul.js';
import { createRootLogger, requestIdOf } from './common/logging/root-logger.js';
import { registerRequestLogging } from './common/logging/request-logging.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { registerHttpMetrics } from './metrics/http-metrics.js';
import { setupOpenApi } from './openapi.js';
import { registerCachedQuoteAnswers } from './quotes/cached-quote-answers.js';

/** Requests are small JSON or form documents; anything larger is refused before it is parsed. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the whole HTTP application; `main.ts` listens on it, e2e tests drive it with supertest. */
export async function createApp(config: AppConfig, ports: AppPorts = {}): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger(config, ports.logDestination);
  const problems = new ProblemDetailsFilter();
  const adapter = new FastifyAdapter({
    // Errors Fastify meets before routing (a malformed URL, an oversized parameter) get the same
    // problem document as everything else, without echoing the URL.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const problem = problems.toProblem(error);
      reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
    },
    // Errors Node meets before a request exists (431, malformed request line): problem+json too.
    clientErrorHandler: handleClientError,
    bodyLimit: BODY_LIMIT_BYTES,
    // Above the longest parameter the DTOs accept (order tokens: 128), so they, not Fastify, answer.
    routerOptions: { maxParamLength: 256 },
    trustProxy: config.trustProxy,
    loggerInstance: rootLogger,
    genReqId: requestIdOf,
    // Request lines come from request-logging.ts, which skips health probes and masks secrets.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    ...serverTimeoutOptions(config.http),
    // During close the drain gate answers new requests (problem+json), not Fastify's plain 503.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { rootLogger }, ports), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(problems);
  app.useGlobalPipes(createValidationPipe());
  // Media type and "this route takes no body/query" checks: after the guards, before the pipe.
  app.useGlobalInterceptors(new RequestShapeInterceptor(app.get(Reflector)));
  registerBodyParsers(app, BODY_LIMIT_BYTES);
  // No enableShutdownHooks(): main.ts drains the HTTP server before closing (common/lifecycle).
  registerSecurityHeaders(app);
  registerRequestLogging(app);
  registerDrainGate(app, problems);
  registerNulRejection(app);
  registerHttpMetrics(app);
  await registerRateLimit(app, config.rateLimitPerMinute);
  registerCachedQuoteAnswers(app);
  // A browser storefront can read Retry-After (ORDER.STEP_IN_PROGRESS, rate limits) only when it is exposed.
  app.enableCors({ origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false, exposedHeaders: ['Retry-After'] });
  if (config.docsEnabled) setupOpenApi(app);
  return app;
}
