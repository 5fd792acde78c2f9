import { AppError, retryAfter } from './app-error.js';

/** How long a client should wait before retrying while the database is unreachable or too busy. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database could not be reached or refused work for a reason that passes: 503 with `Retry-After`. */
export class DatabaseUnavailable extends AppError {
  constructor() {
    super('unavailable', 'DATABASE.UNAVAILABLE', 'The database is unavailable or too busy for the moment; retry later.', {}, [], retryAfter(DATABASE_RETRY_AFTER_SECONDS));
  }
}

// Prisma's own codes for "no connection": can't reach (P1001), timed out reaching (P1002), server
// closed the connection (P1017), no pool slot in time (P2024); and for a transaction PostgreSQL
// rolled back for a deadlock or a serialization failure (P2034: nothing committed, a retry may pass).
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2034']);

// @prisma/adapter-pg's DriverAdapterError kinds for a lost or refused connection, and for a
// deadlock or serialization failure under a raw query (TransactionWriteConflict: 40P01, 40001).
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionWriteConflict']);

// Prisma's P2028 ("Transaction API error") when the database was too busy for the transaction: no
// connection within its maxWait, or it outlived its timeout (Prisma then rolls it back, so nothing was
// committed). P2028's other forms (a transaction not found or already closed, an internal
// consistency error) are programming errors and stay 500s.
const TRANSACTION_TIMED_OUT = /Unable to start a transaction in the given time|cannot be executed on an expired transaction/;

// PostgreSQL SQLSTATEs: admin shutdown, crash shutdown, cannot connect now (starting or stopping),
// too many connections, a serialization failure and a deadlock (40001, 40P01: rolled back), a lock
// not granted within a lock_timeout an operator set for the role or the database (the service sets
// none: see PrismaService). Class 08 (connection exception) is matched by prefix.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01', '55P03']);

// Socket errors node-postgres passes through when the server is gone or unreachable.
const SOCKET_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);

// node-postgres raises these as plain Errors (no code), and Prisma rethrows them as they are:
// a connection dropped mid-query or at connect, a connect timeout; and the pool's wait for a client
// (StatementBatcher's wait for a slot says the same), reported as its own reason.
const PG_MESSAGES = /Connection terminated|Client has encountered a connection error/;
const POOL_WAIT = /timeout exceeded when trying to connect/;

interface ErrorFacts {
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  isAxiosError?: unknown;
}

/**
 * Why an error thrown by a database call means "the database is unreachable for now" (as opposed
 * to a bug or bad data), or undefined when it does not: the first code that says so (`P1001`,
 * `DatabaseNotReachable`, `57P01`, `ECONNREFUSED`, `P2028` for a transaction that timed out
 * waiting or running, `P2034` or `40P01` for one rolled back for a deadlock, `55P03` for a lock not
 * granted within a lock_timeout…, `no connection in time` for the pool's wait, or `connection lost`
 * for node-postgres' other code-less errors). Looks
 * at Prisma's errors, adapter-pg's DriverAdapterError (also as Prisma's `meta.driverAdapterError`),
 * node-postgres' errors and the socket errors under them, following `cause`. An HTTP client's
 * error (axios) is never the database's. The reason holds no host, user or connection string, so
 * it may be logged.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (const facts of related(error)) {
    const reason = connectionFailure(facts);
    if (reason) return reason;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined;
}

function related(error: unknown): ErrorFacts[] {
  const found: ErrorFacts[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 16) {
    const next = queue.shift();
    if (next === null || typeof next !== 'object' || found.includes(next as ErrorFacts)) continue;
    const facts = next as ErrorFacts;
    if (facts.isAxiosError === true) return [];
    found.push(facts);
    queue.push(facts.cause, facts.meta?.driverAdapterError);
  }
  return found;
}

function connectionFailure(facts: ErrorFacts): string | undefined {
  const code = typeof facts.code === 'string' ? facts.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code))) return code;
  if (typeof facts.errorCode === 'string' && PRISMA_CODES.has(facts.errorCode)) return facts.errorCode;
  if (code === 'P2028' && typeof facts.message === 'string' && TRANSACTION_TIMED_OUT.test(facts.message)) return code;
  if (typeof facts.kind === 'string' && ADAPTER_KINDS.has(facts.kind)) return facts.kind;
  if (typeof facts.originalCode === 'string' && isUnavailableSqlState(facts.originalCode)) return facts.originalCode;
  if (code === undefined && typeof facts.message === 'string' && POOL_WAIT.test(facts.message)) return 'no connection in time';
  if (code === undefined && typeof facts.message === 'string' && PG_MESSAGES.test(facts.message)) return 'connection lost';
  return undefined;
}

function isUnavailableSqlState(code: string): boolean {
  return SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

// What guarantees a failed database call committed nothing (see nothingCommitted): no connection was
// had, or the transaction was rolled back by PostgreSQL or by Prisma. Connection-phase failures only
// for the socket and server codes: a dropped connection or an administrator's termination may come
// after a COMMIT was sent, and then the write may well have happened.
const NOT_COMMITTED_PRISMA_CODES = new Set(['P1001', 'P2024', 'P2034']);
const NOT_COMMITTED_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'TooManyConnections', 'TransactionWriteConflict']);
const NOT_COMMITTED_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P03', '53300']);
const NOT_COMMITTED_SOCKET_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NOT_COMMITTED_MESSAGES = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

/**
 * True when a database call failed in a way that guarantees it committed nothing, so running it
 * again cannot apply it twice: no connection within the pool's or a transaction's wait (node-postgres'
 * "timeout exceeded when trying to connect", StatementBatcher's slot wait, Prisma's P2028 "Unable to
 * start a transaction"), the server unreachable or refusing connections (P1001, ECONNREFUSED, 57P03,
 * 53300), a transaction rolled back by PostgreSQL (deadlock 40P01, serialization failure 40001,
 * Prisma's P2034, a lock not granted 55P03) or by Prisma past its timeout (P2028 "expired"). False
 * for a dropped or terminated connection (ECONNRESET, 57P01, "Connection terminated unexpectedly"):
 * its commit may have happened. Every such error is also `isDatabaseUnavailable`.
 */
export function nothingCommitted(error: unknown): boolean {
  return related(error).some((facts) => {
    const code = typeof facts.code === 'string' ? facts.code : undefined;
    if (code && (NOT_COMMITTED_PRISMA_CODES.has(code) || NOT_COMMITTED_SQLSTATES.has(code) || NOT_COMMITTED_SOCKET_CODES.has(code))) return true;
    if (code === 'P2028' && typeof facts.message === 'string' && TRANSACTION_TIMED_OUT.test(facts.message)) return true;
    if (typeof facts.kind === 'string' && NOT_COMMITTED_ADAPTER_KINDS.has(facts.kind)) return true;
    if (typeof facts.originalCode === 'string' && NOT_COMMITTED_SQLSTATES.has(facts.originalCode)) return true;
    return code === undefined && typeof facts.message === 'string' && NOT_COMMITTED_MESSAGES.test(facts.message);
  });
}
