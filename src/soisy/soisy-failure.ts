import { CONNECT_TIMEOUT_CODE } from './connect-timeout-agent.js';

/**
 * What a failed exchange with Soisy proves. `not_sent`: the request never reached Soisy (safe to
 * repeat, nothing to reconcile). `read_timeout` and `dropped`: it may have arrived and been acted on.
 */
export type TransportFailure =
  | { kind: 'not_sent'; reason: 'refused' | 'connect_timeout' | 'dns' | 'no_route' }
  | { kind: 'read_timeout' }
  | { kind: 'dropped' };

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
// axios reports its own `timeout` as ETIMEDOUT (with clarifyTimeoutError) or ECONNABORTED.
const READ_TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

interface ErrorFacts {
  code?: unknown;
  syscall?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function classifyTransportFailure(error: unknown): TransportFailure {
  const facts = (error ?? {}) as ErrorFacts;
  const cause = (facts.cause ?? {}) as ErrorFacts;
  const notSent = notSentReason(facts.code, cause);
  if (notSent) return { kind: 'not_sent', reason: notSent };
  if (READ_TIMEOUT_CODES.has(String(facts.code))) return { kind: 'read_timeout' };
  return { kind: 'dropped' };
}

function notSentReason(code: unknown, cause: ErrorFacts): (TransportFailure & { kind: 'not_sent' })['reason'] | undefined {
  // Node's happy-eyeballs connect wraps one error per address tried in an AggregateError.
  if (Array.isArray(cause.errors) && cause.errors.length > 0) {
    const reasons = cause.errors.map((inner: ErrorFacts) => notSentReason(inner?.code, inner ?? {}));
    return reasons.every(Boolean) ? reasons[0] : undefined;
  }
  const actual = code ?? cause.code;
  if (actual === CONNECT_TIMEOUT_CODE) return 'connect_timeout';
  if (actual === 'ECONNREFUSED') return 'refused';
  if (DNS_CODES.has(String(actual)) || cause.syscall === 'getaddrinfo') return 'dns';
  // Any other failure of the connect() system call itself (EHOSTUNREACH, the kernel's ETIMEDOUT…).
  if (cause.syscall === 'connect') return 'no_route';
  return undefined;
}
