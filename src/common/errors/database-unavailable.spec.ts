import pg from 'pg';
import { Prisma } from '../../generated/prisma/client.js';
import { databaseUnavailableReason, isDatabaseUnavailable, nothingCommitted } from './database-unavailable.js';

/** Shapes as Prisma 7 with @prisma/adapter-pg throws them (observed with the database cut off, its pool busy, a row locked). */
const known = (code: string, cause?: Record<string, unknown>, message = 'Invalid `prisma.order.count()` invocation') =>
  new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: '7.10.0',
    meta: cause && { modelName: 'Order', driverAdapterError: Object.assign(new Error('DriverAdapterError'), { name: 'DriverAdapterError', cause }) },
  });

const pgError = (sqlState: string) => Object.assign(new pg.DatabaseError('server says no', 0, 'error'), { code: sqlState, severity: 'FATAL' });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect', errno: -111 });
const plain = (message: string) => Object.assign(new Error(message), { clientVersion: '7.10.0' });

describe('databaseUnavailableReason', () => {
  it.each([
    ['a model query with the server unreachable (P1001)', known('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }), 'P1001'],
    ['a timeout reaching the server (P1002)', known('P1002'), 'P1002'],
    ['the server closing the connection (P1017)', known('P1017'), 'P1017'],
    ['no pool connection in time (P2024)', known('P2024'), 'P2024'],
    ['a raw query with the server unreachable (P2010 over DatabaseNotReachable)', known('P2010', { kind: 'DatabaseNotReachable' }), 'DatabaseNotReachable'],
    ['a connection reset under a raw query', known('P2010', { kind: 'ConnectionClosed' }), 'ConnectionClosed'],
    ['a socket timeout', known('P2010', { kind: 'SocketTimeout' }), 'SocketTimeout'],
    ['too many connections', known('P2010', { kind: 'TooManyConnections', cause: 'sorry, too many clients already' }), 'TooManyConnections'],
    ['a backend terminated by an administrator (57P01)', known('P2010', { kind: 'postgres', code: '57P01', originalCode: '57P01' }), '57P01'],
    ['the server starting up or shutting down (57P03)', known('P2010', { kind: 'postgres', code: '57P03', originalCode: '57P03' }), '57P03'],
    ['a crash shutdown (57P02), from node-postgres directly', pgError('57P02'), '57P02'],
    ['a connection exception of class 08', pgError('08006'), '08006'],
    ['too many connections (53300), from node-postgres directly', pgError('53300'), '53300'],
    ['a refused connection', socketError('ECONNREFUSED'), 'ECONNREFUSED'],
    ['a reset connection', socketError('ECONNRESET'), 'ECONNRESET'],
    ['a connect timeout', socketError('ETIMEDOUT'), 'ETIMEDOUT'],
    ['the initialization error Prisma throws when it cannot connect', new Prisma.PrismaClientInitializationError("Can't reach database server", '7.10.0', 'P1001'), 'P1001'],
    ['a connection dropped mid-query (node-postgres, rethrown by Prisma)', plain('Connection terminated unexpectedly'), 'connection lost'],
    ['a connect timeout in node-postgres', plain('Connection terminated due to connection timeout'), 'connection lost'],
    ['the pool waiting too long for a client', plain('timeout exceeded when trying to connect'), 'no connection in time'],
    ['a query or commit in a transaction whose connection dropped', plain('Client has encountered a connection error and is not queryable'), 'connection lost'],
    ['a transaction that got no connection within its maxWait (P2028)', known('P2028', undefined, 'Transaction API error: Unable to start a transaction in the given time.'), 'P2028'],
    [
      'a transaction that outlived its timeout (P2028, rolled back)',
      known('P2028', undefined, 'Transaction API error: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 6010 ms passed since the start of the transaction.'),
      'P2028',
    ],
    ['a lock not granted within lock_timeout (55P03), from node-postgres directly', Object.assign(pgError('55P03'), { severity: 'ERROR' }), '55P03'],
    ['a lock not granted within lock_timeout under a Prisma query', known('P2010', { kind: 'postgres', code: '55P03', originalCode: '55P03' }), '55P03'],
    ['a transaction rolled back for a deadlock (P2034, the query API)', known('P2034', undefined, 'Transaction failed due to a write conflict or a deadlock. Please retry your transaction'), 'P2034'],
    ['a deadlock under a raw query (P2010 over TransactionWriteConflict)', known('P2010', { kind: 'TransactionWriteConflict', originalCode: '40P01', originalMessage: 'deadlock detected' }), 'TransactionWriteConflict'],
    ['a serialization failure (40001), from node-postgres directly', Object.assign(pgError('40001'), { severity: 'ERROR' }), '40001'],
    ['a deadlock (40P01), from node-postgres directly', Object.assign(pgError('40P01'), { severity: 'ERROR' }), '40P01'],
    ['a socket error wrapped as a cause', Object.assign(new Error('query failed'), { cause: socketError('ECONNREFUSED') }), 'ECONNREFUSED'],
  ])('recognises %s', (_name, error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique constraint violation (P2002)', known('P2002', { kind: 'UniqueConstraintViolation', constraint: { fields: ['order_reference'] } })],
    ['a missing table (P2021)', known('P2021', { kind: 'TableDoesNotExist', table: 'public.orders' })],
    ['a failed authentication (a configuration error, not an outage)', known('P2010', { kind: 'AuthenticationFailed', user: 'postgres' })],
    ['a query cancelled by statement_timeout', pgError('57014')],
    ['a transaction used after it was committed (P2028, a programming error)', known('P2028', undefined, 'Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.')],
    ['an unknown transaction id (P2028)', known('P2028', undefined, "Transaction API error: Transaction not found. Transaction ID is invalid, refers to an old closed transaction Prisma doesn't have information about anymore, or was obtained before disconnecting.")],
    ['a syntax error', pgError('42601')],
    ['a validation error', new Prisma.PrismaClientValidationError('Argument `shopId` is missing.', { clientVersion: '7.10.0' })],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['an HTTP client error from a call to Soisy', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', isAxiosError: true })],
    ['not an error at all', undefined],
  ])('leaves %s alone', (_name, error) => {
    expect(databaseUnavailableReason(error)).toBeUndefined();
  });

  it('survives a cause cycle', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

/** Whether a failed write may be run again without applying it twice (untilCommitted). */
describe('nothingCommitted', () => {
  it.each([
    ['the pool waiting too long for a client', plain('timeout exceeded when trying to connect')],
    ['a connect timeout in node-postgres', plain('Connection terminated due to connection timeout')],
    ['no connection for a transaction within its maxWait (P2028)', known('P2028', undefined, 'Transaction API error: Unable to start a transaction in the given time.')],
    ['a transaction past its timeout, rolled back (P2028)', known('P2028', undefined, 'Transaction API error: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 6010 ms passed since the start of the transaction.')],
    ['a deadlock (P2034)', known('P2034', undefined, 'Transaction failed due to a write conflict or a deadlock. Please retry your transaction')],
    ['a deadlock under a raw query', known('P2010', { kind: 'TransactionWriteConflict', originalCode: '40P01' })],
    ['a deadlock from node-postgres', Object.assign(pgError('40P01'), { severity: 'ERROR' })],
    ['a serialization failure from node-postgres', Object.assign(pgError('40001'), { severity: 'ERROR' })],
    ['a lock not granted (55P03)', Object.assign(pgError('55P03'), { severity: 'ERROR' })],
    ['the server starting or stopping (57P03, at connect)', pgError('57P03')],
    ['too many connections (53300, at connect)', pgError('53300')],
    ['a refused connection', socketError('ECONNREFUSED')],
    ['the server unreachable (P1001)', known('P1001', { kind: 'DatabaseNotReachable' })],
  ])('is true for %s: nothing was sent, or it was rolled back', (_name, error) => {
    expect(nothingCommitted(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a connection dropped mid-query', plain('Connection terminated unexpectedly')],
    ['a transaction whose connection dropped', plain('Client has encountered a connection error and is not queryable')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a backend terminated by an administrator (57P01)', pgError('57P01')],
    ['a connection exception of class 08', pgError('08006')],
    ['the server closing the connection (P1017)', known('P1017')],
    ['a unique violation', Object.assign(pgError('23505'), { severity: 'ERROR' })],
    ['a transaction used after it was committed (P2028)', known('P2028', undefined, 'Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.')],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
  ])('is false for %s: the write may have committed, or is not the database being busy', (_name, error) => {
    expect(nothingCommitted(error)).toBe(false);
  });
});
