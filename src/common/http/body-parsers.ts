import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ValidationFailed } from '../errors/app-error.js';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The request body parsers, registered before `app.init()` (Nest adds the form-urlencoded one, which
 * Soisy's callbacks use):
 * - JSON as Fastify parses it (`__proto__` and `constructor.prototype` refused), but a valid JSON
 *   body carrying such a key is a 400 naming it, not "not valid JSON";
 * - any other media type is read as a string, so the route (RequestShapeInterceptor) answers 415
 *   naming the types it takes, instead of a body it cannot read failing validation field by field.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const strict = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done: Done) => {
    strict(request, body.toString(), (error: Error | null, value?: unknown) => {
      if (!error) return done(null, value);
      const forbidden = forbiddenKeyIn(body);
      done(forbidden ? new ValidationFailed([{ field: forbidden.field, message: `${forbidden.key} is not allowed` }], `The request body uses ${forbidden.key}, which is not allowed.`) : error);
    });
  });
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
}

/** Where a body that is valid JSON holds `__proto__` or `constructor.prototype`; undefined for invalid JSON. */
export function forbiddenKeyIn(body: string | Buffer): { field: string; key: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString());
  } catch {
    return undefined;
  }
  const pending: Array<{ node: unknown; path: string }> = [{ node: parsed, path: '' }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.node === null || typeof item.node !== 'object') continue;
    for (const [key, child] of Object.entries(item.node)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (key === '__proto__') return { field: path, key: '__proto__' };
      if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')) {
        return { field: `${path}.prototype`, key: 'constructor.prototype' };
      }
      pending.push({ node: child, path });
    }
  }
  return undefined;
}
