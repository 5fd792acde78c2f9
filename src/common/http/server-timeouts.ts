import type { HttpServerConfig } from '../../config/app-config.js';

/**
 * How often Node checks the request and headers timeouts (its default, 30 s, would let a request
 * outlive its timeout by up to that much). Checking a connection list once a second costs nothing.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * Fastify options for the server's own timeouts against slow or idle clients: a request (headers
 * and body) must arrive within `requestTimeoutMs` and its headers within `headersTimeoutMs`, else it
 * is answered 408 problem+json `REQUEST.TIMEOUT` (client-errors.ts) and its socket closed; an idle keep-alive socket is closed after
 * `keepAliveTimeoutMs`. Fastify's own defaults set no request timeout at all.
 */
export function serverTimeoutOptions(http: HttpServerConfig) {
  return {
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    // Options Fastify does not expose go to Node's http.createServer (which checks headers ≤ request).
    http: {
      requestTimeout: http.requestTimeoutMs,
      headersTimeout: http.headersTimeoutMs,
      keepAliveTimeout: http.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
  };
}
