import { Writable } from 'node:stream';
import pg from 'pg';
import { createRootLogger } from './root-logger.js';

describe('root logger', () => {
  it('writes any request it is given with its URL redacted and without headers, whoever logs it', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString()); done(); } });
    const logger = createRootLogger({ logLevel: 'info' }, sink);
    // The shape of a Fastify request, as Fastify itself logs one on an error before routing.
    const req = { method: 'GET', url: '/v1/events?orderToken=bc9d131994f9bf710e3a9ea5', headers: { authorization: 'Bearer anna-secret-key-0123456789' }, routeOptions: { url: '/v1/events' } };
    logger.error({ req }, 'failed');
    logger.info({ req: { method: 'GET', url: '/v1/quotes?amount=1000&fiscalCode=RSSMRA80A01H501U' } }, 'request completed');
    const [first, second] = lines.map((line) => JSON.parse(line) as { req: unknown });
    expect(first.req).toEqual({ method: 'GET', url: '/v1/events?orderToken=[redacted]', route: '/v1/events' });
    expect(second.req).toEqual({ method: 'GET', url: '/v1/quotes?amount=1000&fiscalCode=[redacted]' });
    expect(lines.join('')).not.toMatch(/bc9d131994f9bf710e3a9ea5|anna-secret|RSSMRA80A01H501U/);
  });

  it('writes a PostgreSQL error without the fields that quote row values (a failing row, a duplicate key), at any depth', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString()); done(); } });
    const logger = createRootLogger({ logLevel: 'info' }, sink);
    const failing = Object.assign(new pg.DatabaseError('null value in column "status" of relation "orders" violates not-null constraint', 0, 'error'), {
      code: '23502', table: 'orders', column: 'status',
      detail: 'Failing row contains (3f1c…, bc9d131994f9bf710e3a9ea5, RSSMRA80A01H501U, mario.rossi@example.com, null).',
      where: 'SQL statement "UPDATE orders SET status = NULL WHERE token = \'bc9d131994f9bf710e3a9ea5\'"',
    });
    logger.error({ err: failing }, 'Unhandled error');
    logger.error({ err: new Error('the write failed', { cause: failing }) }, 'Unhandled error');
    const [first] = lines.map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    expect(first!.err).toMatchObject({ code: '23502', table: 'orders', column: 'status', message: expect.stringContaining('PostgreSQL error 23502') });
    expect(lines.join('')).not.toMatch(/bc9d131994f9bf710e3a9ea5|RSSMRA80A01H501U|mario\.rossi/);
  });

  it('writes an error whose message quotes a value (SQLSTATE 22/23), raw or wrapped by Prisma, with its code instead of its message', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString()); done(); } });
    const logger = createRootLogger({ logLevel: 'info' }, sink);
    const raw = Object.assign(new pg.DatabaseError('invalid input syntax for type uuid: "fiscal-RSSMRA80A01H501U"', 0, 'error'), { code: '22P02' });
    const wrapped = Object.assign(new Error('Raw query failed. Code: `22P02`. Message: `invalid input syntax for type uuid: "fiscal-RSSMRA80A01H501U"`'), {
      code: 'P2010',
      meta: { driverAdapterError: { cause: { originalCode: '22P02', originalMessage: 'invalid input syntax for type uuid: "fiscal-RSSMRA80A01H501U"', kind: 'postgres' } } },
    });
    logger.error({ err: raw }, 'Unhandled error');
    logger.error({ err: wrapped }, 'Unhandled error');
    logger.error({ err: new Error('Soisy answered 502 for order bc9d13…') }, 'Unhandled error');
    const [first, second, third] = lines.map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    expect(first!.err).toMatchObject({ code: '22P02', message: expect.stringContaining('PostgreSQL error 22P02') });
    expect(second!.err).toMatchObject({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '22P02', kind: 'postgres' } } } });
    expect(third!.err.message).toBe('Soisy answered 502 for order bc9d13…');
    expect(lines.join('')).not.toContain('RSSMRA80A01H501U');
  });
});
