import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { redactDeep, redactUrl } from './redact.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The one pino instance of the process: Fastify logs requests through it and nestjs-pino's
 * PinoLogger logs the application through it, so every line has the same shape and redaction.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
    // A `req` reaches a line from request-logging.ts (URL already redacted: redacting again changes
    // nothing) or from Fastify itself (an error before routing): either way only method, redacted
    // URL and route are written, never headers or the raw URL with its query.
    serializers: { err: serializeError, req: serializeRequest },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * PostgreSQL's error fields that quote row values or statements: `detail` ("Failing row contains
 * (…, RSSMRA80A01H501U, …)", "Key (token)=(…) already exists"), `where` and `internalQuery`.
 * node-postgres puts them on its errors, which PrismaService.statement lets through as they are,
 * and pino's error serializer writes every field of an error: they are dropped, at any depth
 * (`cause`). The SQLSTATE `code`, `constraint`, `table` and `column` say what failed without them.
 */
const ROW_QUOTING_FIELDS = ['detail', 'where', 'internalQuery'];

function serializeError(error: Error): unknown {
  return withoutRowValues(pino.stdSerializers.err(error), 0);
}

function withoutRowValues(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!ROW_QUOTING_FIELDS.includes(key)) copy[key] = withoutRowValues(item, depth + 1);
  }
  return copy;
}

function serializeRequest(req: unknown): unknown {
  if (req === null || typeof req !== 'object') return req;
  const { method, url, route, routeOptions } = req as { method?: unknown; url?: unknown; route?: unknown; routeOptions?: { url?: unknown } };
  return { method, url: typeof url === 'string' ? redactUrl(url) : undefined, route: route ?? routeOptions?.url };
}

/** Reuses the caller's `X-Request-Id` when it looks like one, so a request can be followed across services. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
