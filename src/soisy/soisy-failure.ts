import { CONNECT_TIMEOUT_CODE } from './connect-timeout-agent.js';
import { ExchangeFailure, READ_TIMEOUT_CODE } from './soisy-exchange.js';

/**
 * What a failed exchange with Soisy proves. `not_sent`: the request never reached Soisy (safe to
 * repeat, nothing to reconcile). `read_timeout` and `dropped`: it may have arrived and been acted on.
 */
export type TransportFailure =
  | { kind: 'not_sent'; reason: 'refused' | 'connect_timeout' | 'dns' | 'no_route' | 'tls' | 'reset_before_write' }
  | { kind: 'read_timeout' }
  | { kind: 'dropped' };

type NotSentReason = (TransportFailure & { kind: 'not_sent' })['reason'];

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
// Ours and undici's read timeouts; axios reports its `timeout` as ETIMEDOUT or ECONNABORTED.
const READ_TIMEOUT_CODES = new Set([READ_TIMEOUT_CODE, 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ECONNABORTED']);
// The kernel refusing the write itself: the connection was already reset when the request was written.
const WRITE_REFUSED_CODES = new Set(['EPIPE', 'ECONNRESET']);
const TLS_CODE = /TLS|SSL|CERT/;

interface ErrorFacts {
  code?: unknown;
  syscall?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * An ExchangeFailure says whether the request reached a connected socket:
 * - not handed to a socket (connect refused or timed out, TLS handshake failed, DNS): `not_sent`;
 * - handed to a reused socket that the peer had already reset, so the write system call itself
 *   failed and the kernel took no byte of it (a Soisy request is one small write): `not_sent`;
 * - anything later (the peer closed after the bytes left, no answer in time): unknown outcome.
 * Other errors are classified by their codes alone.
 */
export function classifyTransportFailure(error: unknown): TransportFailure {
  if (error instanceof ExchangeFailure) {
    const facts = (error.error ?? {}) as ErrorFacts;
    if (!error.handedToSocket) {
      const reason = notSentReason(facts.code, facts) ?? notSentReason(facts.code, (facts.cause ?? {}) as ErrorFacts);
      return { kind: 'not_sent', reason: reason ?? (TLS_CODE.test(String(facts.code)) ? 'tls' : 'no_route') };
    }
    if (facts.syscall === 'write' && WRITE_REFUSED_CODES.has(String(facts.code))) return { kind: 'not_sent', reason: 'reset_before_write' };
    return READ_TIMEOUT_CODES.has(String(facts.code)) ? { kind: 'read_timeout' } : { kind: 'dropped' };
  }
  const facts = (error ?? {}) as ErrorFacts;
  const cause = (facts.cause ?? {}) as ErrorFacts;
  const notSent = notSentReason(facts.code, cause);
  if (notSent) return { kind: 'not_sent', reason: notSent };
  if (READ_TIMEOUT_CODES.has(String(facts.code))) return { kind: 'read_timeout' };
  return { kind: 'dropped' };
}

function notSentReason(code: unknown, cause: ErrorFacts): NotSentReason | undefined {
  // Node's happy-eyeballs connect wraps one error per address tried in an AggregateError.
  if (Array.isArray(cause.errors) && cause.errors.length > 0) {
    const reasons = cause.errors.map((inner: ErrorFacts) => notSentReason(inner?.code, inner ?? {}));
    return reasons.every(Boolean) ? reasons[0] : undefined;
  }
  const actual = code ?? cause.code;
  if (actual === CONNECT_TIMEOUT_CODE || actual === 'ERR_SOISY_CONNECT_TIMEOUT') return 'connect_timeout';
  if (actual === 'ECONNREFUSED') return 'refused';
  if (DNS_CODES.has(String(actual)) || cause.syscall === 'getaddrinfo') return 'dns';
  // Any other failure of the connect() system call itself (EHOSTUNREACH, the kernel's ETIMEDOUT…).
  if (cause.syscall === 'connect') return 'no_route';
  return undefined;
}
