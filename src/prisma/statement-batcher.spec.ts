import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { Prisma } from '../generated/prisma/client.js';
import { StatementBatcher, type BatchPartBuilder } from './statement-batcher.js';

/** A part inserting `value` into `t`, yielding it back: its CTE is named after the prefix it is given. */
const part = (value: number): BatchPartBuilder => (prefix) => ({
  ctes: Prisma.sql`${Prisma.raw(`${prefix}ins`)} AS (INSERT INTO t VALUES (${value}) RETURNING v)`,
  result: Prisma.sql`(SELECT v FROM ${Prisma.raw(`${prefix}ins`)})`,
});

/**
 * A stand-in for the pool: records each statement and answers every `rN` column with the value the
 * part inserted (read back from the statement's parameters), or throws what `fail` says for it.
 */
function fakeDatabase(fail: (sql: Prisma.Sql) => Error | undefined = () => undefined) {
  const statements: Prisma.Sql[] = [];
  const pending: Array<() => void> = [];
  let hold = false;
  const running = { now: 0, most: 0 };
  const run = async <Row>(sql: Prisma.Sql): Promise<Row[]> => {
    statements.push(sql);
    running.most = Math.max(running.most, ++running.now);
    try {
      if (hold) await new Promise<void>((release) => pending.push(release));
      else await new Promise((resolve) => setImmediate(resolve));
      const error = fail(sql);
      if (error) throw error;
      const row: Record<string, unknown> = {};
      sql.values.forEach((value, index) => (row[`r${index}`] = value));
      return [row as Row];
    } finally {
      running.now -= 1;
    }
  };
  return {
    run, statements, running,
    hold: () => (hold = true),
    releaseAll: () => { hold = false; pending.splice(0).forEach((release) => release()); },
  };
}

const databaseError = (code: string, severity = 'ERROR') => Object.assign(new pg.DatabaseError('refused', 0, 'error'), { code, severity });

/**
 * Submits `parts` while the batcher's one slot is taken by a statement of part 0, so they queue as
 * they would under load; resolves their outcomes once it ends.
 */
async function whileBusy<T>(db: ReturnType<typeof fakeDatabase>, batcher: StatementBatcher, parts: () => Promise<T>): Promise<T> {
  db.hold();
  const first = batcher.submit('t', part(0));
  const outcomes = parts();
  await new Promise((resolve) => setImmediate(resolve));
  db.releaseAll();
  await first;
  return outcomes;
}

describe('StatementBatcher', () => {
  it('sends the parts that arrive while every slot is taken as ONE statement, each part named apart and answered its own value', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1 });
    const values = await whileBusy(db, batcher, () => Promise.all([1, 2, 3].map((value) => batcher.submit<number>('t', part(value)))));
    expect(values).toEqual([1, 2, 3]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 2, 3]]);
    expect(db.statements[1]!.text).toMatch(/^\/\* prepared \*\/\nWITH b0_ins AS .*,\nb1_ins AS .*,\nb2_ins AS /s);
    expect(db.statements[1]!.text).toMatch(/SELECT \(SELECT v FROM b0_ins\) AS r0, \(SELECT v FROM b1_ins\) AS r1, \(SELECT v FROM b2_ins\) AS r2$/);
  });

  it('sends a part at once, on its own and as the statement it would have been, while a slot is free', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 2 });
    db.hold();
    const first = batcher.submit<number>('t', part(7));
    const second = batcher.submit<number>('t', part(8));
    expect(db.statements).toHaveLength(2); // both sent before this turn ended: no wait for company
    db.releaseAll();
    expect([await first, await second]).toEqual([7, 8]);
    expect(db.statements[0]!.text.replace(/\s+/g, ' ')).toBe('/* prepared */ WITH b0_ins AS (INSERT INTO t VALUES ($1) RETURNING v) SELECT (SELECT v FROM b0_ins) AS r0');
  });

  it('puts at most maxParts parts in a statement', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 3, maxInFlight: 1 });
    const values = await whileBusy(db, batcher, () => Promise.all([1, 2, 3, 4, 5, 6, 7].map((value) => batcher.submit<number>('t', part(value)))));
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('keeps parts of different shapes in different statements', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1 });
    await whileBusy(db, batcher, () => Promise.all([batcher.submit('a', part(1)), batcher.submit('b', part(2)), batcher.submit('a', part(3))]));
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 3], [2]]);
  });

  it('runs at most maxInFlight statements at once; what arrives meanwhile goes out together when one ends', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 2 });
    db.hold();
    const first = [1, 2].map((value) => batcher.submit<number>('t', part(value)));
    const later = [3, 4, 5].map((value) => batcher.submit<number>('t', part(value)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.statements).toHaveLength(2); // the three wait for a running statement to end
    db.releaseAll();
    expect(await Promise.all([...first, ...later])).toEqual([1, 2, 3, 4, 5]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[1], [2], [3, 4, 5]]);
  });

  it('runs every part again on its own, one at a time in its slot, when PostgreSQL refuses the shared statement, so each gets its own answer', async () => {
    // The shared statement (3 values) hits a unique violation; alone, only the part inserting 2 does.
    const db = fakeDatabase((sql) => (sql.values.length > 1 || sql.values[0] === 2 ? databaseError('23505') : undefined));
    const refusals: Array<[string, number]> = [];
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1, onRefused: (code, parts) => refusals.push([code, parts]) });
    const outcomes = await whileBusy(db, batcher, () => Promise.all([1, 2, 3].map((value) => batcher.submit<number>('t', part(value)).catch((error: pg.DatabaseError) => error.code))));
    expect(outcomes).toEqual([1, '23505', 3]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 2, 3], [1], [2], [3]]);
    expect(db.running.most).toBe(1); // never more connections than its one slot
    expect(refusals).toEqual([['23505', 3]]);
  });

  it.each([
    ['a FATAL (the backend was terminated: the commit may have happened)', databaseError('57P01', 'FATAL')],
    ['PostgreSQL\'s own "statement completion unknown"', databaseError('40003')],
    ['an ERROR no part alone escapes (a query cancelled by statement_timeout)', databaseError('57014')],
    ['a dropped connection (the statement\'s outcome unknown)', new Error('Connection terminated unexpectedly')],
  ])('gives every part the error, without running any again, on %s', async (_, error) => {
    const db = fakeDatabase((sql) => (sql.values.length > 1 ? error : undefined));
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1 });
    const outcomes = await whileBusy(db, batcher, () => Promise.all([1, 2].map((value) => batcher.submit('t', part(value)).catch((caught: unknown) => caught))));
    expect(outcomes).toEqual([error, error]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 2]]);
  });

  it('lets the shapes take turns for a free slot: one that keeps arriving does not starve another', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 1, maxInFlight: 1 });
    await whileBusy(db, batcher, () => Promise.all([batcher.submit('a', part(1)), batcher.submit('a', part(2)), batcher.submit('a', part(3)), batcher.submit('b', part(4))]));
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1], [4], [2], [3]]);
  });

  it('fails a part that waited past maxWaitMs for a slot as the pool fails a wait for a connection, and never sends it', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1, maxWaitMs: 20 });
    db.hold();
    const first = batcher.submit('t', part(0));
    const late = batcher.submit('t', part(1)).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await late).toMatch(/^timeout exceeded when trying to connect/); // databaseUnavailableReason: 503
    db.releaseAll();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.statements.map((sql) => sql.values)).toEqual([[0]]);
  });

  it('fails only the part that cannot be built; the others still go out, together', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1 });
    const broken: BatchPartBuilder = () => {
      throw new TypeError('Do not know how to serialize a BigInt');
    };
    const outcomes = await whileBusy(db, batcher, () => Promise.all([
      batcher.submit('t', part(1)), batcher.submit('t', broken).catch((error: Error) => error.message), batcher.submit('t', part(3)),
    ]));
    expect(outcomes).toEqual([1, 'Do not know how to serialize a BigInt', 3]);
    expect(db.statements.map((sql) => sql.values)).toEqual([[0], [1, 3]]);
    expect(db.statements[1]!.text).toMatch(/AS r0, .* AS r1$/);
  });

  it('gives up the slot of a statement running past slotHoldMs (a dead connection), so the next parts still go out', async () => {
    const db = fakeDatabase();
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1, slotHoldMs: 20 });
    db.hold();
    const stuck = batcher.submit<number>('t', part(1));
    const next = batcher.submit<number>('t', part(2));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(db.statements.map((sql) => sql.values)).toEqual([[1], [2]]); // sent while the first still runs
    db.releaseAll();
    expect([await stuck, await next]).toEqual([1, 2]);
  });

  it('reports a refused shared statement outside the context of the request whose turn sent it (its log fields are not the batch\'s)', async () => {
    const requests = new AsyncLocalStorage<string>();
    const db = fakeDatabase((sql) => (sql.values.length > 1 ? databaseError('23505') : undefined));
    const seen: Array<string | undefined> = [];
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1, onRefused: () => seen.push(requests.getStore()) });
    await requests.run('request-0', () => whileBusy(db, batcher, () => Promise.all([1, 2].map((value) => requests.run(`request-${value}`, () => batcher.submit('t', part(value)))))));
    expect(seen).toEqual([undefined]);
  });

  it('frees its slot after a failed statement: the next parts still go out', async () => {
    let failNext = true;
    const db = fakeDatabase(() => (failNext ? ((failNext = false), new Error('Connection terminated unexpectedly')) : undefined));
    const batcher = new StatementBatcher(db.run, { maxParts: 8, maxInFlight: 1 });
    await expect(batcher.submit('t', part(1))).rejects.toThrow('Connection terminated');
    expect(await batcher.submit<number>('t', part(2))).toBe(2);
  });
});
