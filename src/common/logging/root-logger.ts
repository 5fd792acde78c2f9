import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { redactDeep } from './redact.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The one pino instance of the process: Fastify logs requests through it and nestjs-pino's
 * PinoLogger logs the application through it, so every line has the same shape and redaction.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Reuses the caller's `X-Request-Id` when it looks like one, so a request can be followed across services. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
