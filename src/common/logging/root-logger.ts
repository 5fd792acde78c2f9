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
 * (`cause`, Prisma's `meta.driverAdapterError`). The SQLSTATE `code`, `constraint`, `table` and
 * `column` say what failed without them.
 */
const ROW_QUOTING_FIELDS = ['detail', 'where', 'internalQuery'];

/**
 * SQLSTATE classes 22 (data exception: "invalid input syntax for type uuid: \"…\"", "value … out of
 * range") and 23 (integrity) quote the offending value in the message itself, which Prisma copies
 * into its own message and `originalMessage`: in an error that carries one, messages and stacks are
 * replaced by the code.
 */
const VALUE_QUOTING_SQLSTATE = /^2[23][0-9A-Z]{3}$/;
const MESSAGE_FIELDS = ['message', 'originalMessage', 'stack'];

function serializeError(error: Error): unknown {
  const serialized = withoutRowValues(pino.stdSerializers.err(error), 0);
  const sqlstate = findSqlstate(serialized, 0);
  return sqlstate ? withoutMessages(serialized, `PostgreSQL error ${sqlstate} (its message may quote values, so it is not logged)`, 0) : serialized;
}

function withoutRowValues(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!ROW_QUOTING_FIELDS.includes(key)) copy[key] = withoutRowValues(item, depth + 1);
  }
  return copy;
}

function findSqlstate(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 8) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'code' || key === 'originalCode') && typeof item === 'string' && VALUE_QUOTING_SQLSTATE.test(item)) return item;
    const nested = findSqlstate(item, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

function withoutMessages(value: unknown, replacement: string, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = MESSAGE_FIELDS.includes(key) && typeof item === 'string' ? replacement : withoutMessages(item, replacement, depth + 1);
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
