import { Agent } from 'undici';
import type { SoisyConfig } from '../config/app-config.js';

/** undici's code for a connection (TCP and TLS handshake) not made within `connectTimeoutMs`. */
export const CONNECT_TIMEOUT_CODE = 'UND_ERR_CONNECT_TIMEOUT';

/** Below Node's server default (5 s) and nginx's (75 s): this side closes an idle socket first. */
export const DEFAULT_KEEP_ALIVE_MS = 4_000;

/**
 * The pool under SoisyGateway: one undici Agent, keep-alive sockets reused by GETs and POSTs alike.
 *
 * Why undici rather than axios on a keep-alive http.Agent: before writing on a socket that has been
 * idle, undici yields once to the event loop so a close or reset Soisy already sent is seen, and the
 * request then goes on a new connection instead (the reuse race that made POSTs use fresh
 * connections, commit ec0cd83); it honours Soisy's `Keep-Alive: timeout` hint (less 1 s); its
 * dispatch API says when a request is handed to a socket, which is what "never sent" rests on
 * (soisy-exchange.ts); and its per-request cost is a fraction of axios's.
 *
 * - `connectTimeoutMs` covers the TCP connect and the TLS handshake: until then nothing was sent.
 * - An idle socket is closed after `keepAliveMs` (SOISY_KEEP_ALIVE_MS), or sooner if Soisy says so.
 * - `ca`: extra trusted certificates (SOISY_CA_FILE) on top of Node's store, e.g. the emulator's.
 */
export function createSoisyDispatcher(config: Pick<SoisyConfig, 'connectTimeoutMs' | 'timeoutMs' | 'keepAliveMs' | 'caCertificates'>): Agent {
  const keepAliveMs = config.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  return new Agent({
    connect: {
      timeout: config.connectTimeoutMs,
      ...(config.caCertificates ? { ca: [...config.caCertificates] } : {}),
    },
    keepAliveTimeout: keepAliveMs,
    keepAliveMaxTimeout: keepAliveMs,
    keepAliveTimeoutThreshold: 1_000,
    // Backstops only: each exchange arms its own read timeout, capped by the call's budget.
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    // One request per socket at a time: a pipelined POST behind a failed one could not be classified.
    pipelining: 1,
  });
}
