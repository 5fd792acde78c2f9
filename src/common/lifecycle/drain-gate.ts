import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ProblemDetailsFilter } from '../errors/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-document.js';
import { DrainState } from './drain-state.js';
import { ServiceShuttingDown } from './shutting-down.error.js';

/** Operators' routes keep answering during the drain: readiness says 503 itself, liveness stays up. */
const OPERATOR_PREFIXES = ['/health/', '/metrics'];

/**
 * The HTTP side of a graceful shutdown. Every request is counted until its response closes; once
 * draining, a new request is answered 503 `SERVICE.SHUTTING_DOWN` with `Retry-After` before any
 * route runs, and every response (the in-flight ones included) carries `Connection: close`, so
 * keep-alive sockets end with their last answer instead of holding the drain open.
 */
export function registerDrainGate(app: NestFastifyApplication, problems: ProblemDetailsFilter): void {
  const drain = app.get(DrainState);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    if (drain.draining && !OPERATOR_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      const refusal = new ServiceShuttingDown();
      return reply
        .status(503)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .headers(refusal.headers)
        .header('connection', 'close')
        .send(problems.toProblem(refusal));
    }
    reply.raw.once('close', drain.enter());
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (drain.draining) reply.header('connection', 'close');
  });
}
