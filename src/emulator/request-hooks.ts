/** Fastify hooks that fill the request log for every call under /api, answered or not. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { underApiBase } from './faults.js';
import type { LoggedCall, RequestLog } from './request-log.js';

const entries = new WeakMap<FastifyRequest, LoggedCall>();

export function logEntryOf(request: FastifyRequest): LoggedCall | undefined {
  return entries.get(request);
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0].replace(/\/{2,}/g, '/');
}

function isApiCall(request: FastifyRequest): boolean {
  const path = pathOf(request);
  return path === '/api' || path.startsWith('/api/');
}

/** Multipart file parts are reduced to their names: the log is for assertions, not storage. */
function loggable(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return body ?? null;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, Buffer.isBuffer(value) ? '<file>' : value]));
}

export function registerRequestLog(app: FastifyInstance, log: RequestLog): void {
  app.addHook('onRequest', async (request) => {
    if (!isApiCall(request)) return;
    entries.set(request, log.begin(request.method, underApiBase(pathOf(request)), { ...(request.query as object) }, request.headers['content-type']));
  });
  app.addHook('preHandler', async (request) => {
    const entry = entries.get(request);
    if (entry) entry.body = loggable(request.body);
  });
  app.addHook('onResponse', async (request, reply) => {
    const entry = entries.get(request);
    if (entry && entry.fault !== 'drop') entry.status = reply.statusCode;
  });
}

/** Closes the socket without a byte of answer, as a crashed proxy or lost network would. */
export function dropConnection(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const entry = entries.get(request);
  if (entry) {
    entry.fault = 'drop';
    entry.status = null;
  }
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}
