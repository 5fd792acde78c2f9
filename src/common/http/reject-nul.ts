import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ValidationFailed } from '../errors/app-error.js';

/**
 * PostgreSQL cannot store a NUL character in text, so a value holding one would fail deep inside a
 * query as a 500. No valid input contains one: every request carrying it is refused at the edge,
 * naming the field, before any route runs.
 */
export function registerNulRejection(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('preHandler', (request, _reply, done) => {
    const field =
      findNul(request.params, '') ?? findNul(request.query, '') ?? findNul(request.body, '');
    if (field === undefined) return done();
    done(new ValidationFailed([{ field: field || 'body', message: 'must not contain NUL characters' }]));
  });
}

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 16) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return itemPath;
    const found = findNul(item, itemPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
