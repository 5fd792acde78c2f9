import pg from 'pg';
import { Prisma } from '../generated/prisma/client.js';
import { PREPARED } from './prepared-statements.js';

/** A request's one-statement write as CTEs and the value it yields, its CTE names starting with `prefix`. */
export interface BatchPart {
  ctes: Prisma.Sql;
  /** A scalar SQL expression over the part's own CTEs, e.g. `EXISTS (SELECT 1 FROM <prefix>changed)`. */
  result: Prisma.Sql;
}

/** Builds the part with its CTE names prefixed (called once per statement it goes into). */
export type BatchPartBuilder = (prefix: string) => BatchPart;

export interface StatementBatcherOptions {
  /** Most parts in one statement. */
  maxParts: number;
  /** Most batch statements running at once; parts arriving meanwhile wait and go in the next one. */
  maxInFlight: number;
}

interface Waiting {
  build: BatchPartBuilder;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the storefront's one-statement writes (issue 10): the parts that concurrent
 * requests submit while earlier batches run go to PostgreSQL together, as ONE statement
 * (`WITH <part 1's CTEs>, <part 2's CTEs> … SELECT <result 1>, <result 2> …`), so N orders pay one
 * round trip, one executor start-up and one commit (one WAL flush) instead of N. Measured with
 * pgbench on create order's two statements: PostgreSQL's CPU per order fell by about half at 8
 * per statement. Nothing waits for a batch to fill: while fewer than `maxInFlight` statements run, a
 * part goes out at once, alone, so a lone request is exactly as before; the parts that arrive while
 * all of them run queue, and go out together as soon as one ends. Batches so grow only under load,
 * when the slots stay taken.
 *
 * What each request keeps:
 * - Atomicity and durability: its part commits or rolls back with the statement, and the
 *   statement has committed when its promise resolves, as for PrismaService.statement.
 * - Its own answer: parts of one statement cannot see each other's writes (one snapshot), and each
 *   reads only its own CTEs. When PostgreSQL refuses the statement (any error with a SQLSTATE:
 *   a unique violation because two parts took the same order reference, a deadlock, a value out
 *   of range), nothing of it was committed, and each part is run again on its own, so it gets the
 *   answer it would have had alone. Any other error (the connection dropped: the commit's outcome
 *   is unknown) is every part's error, as it would have been for each statement alone.
 * - Only parts of the same `shape` (the same SQL text but for values) share a statement, so the
 *   prepared statements a connection holds stay bounded: shapes × `maxParts`.
 */
export class StatementBatcher {
  private readonly waiting = new Map<string, Waiting[]>();
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    private readonly run: <Row>(sql: Prisma.Sql) => Promise<Row[]>,
    private readonly options: StatementBatcherOptions,
  ) {}

  /** Runs the part (alone or in a batch) and resolves its result's value once the statement committed. */
  submit<T>(shape: string, build: BatchPartBuilder): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { build, resolve: resolve as (value: unknown) => void, reject };
      // A free slot: out at once, as a statement of its own, without waiting for the end of this turn.
      if (this.inFlight < this.options.maxInFlight && this.waiting.size === 0) return this.dispatch([waiting]);
      const queue = this.waiting.get(shape) ?? [];
      queue.push(waiting);
      this.waiting.set(shape, queue);
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    for (const [shape, queue] of this.waiting) {
      while (queue.length > 0 && this.inFlight < this.options.maxInFlight) {
        this.dispatch(queue.splice(0, this.options.maxParts));
      }
      if (queue.length === 0) this.waiting.delete(shape);
    }
  }

  private dispatch(batch: Waiting[]): void {
    this.inFlight += 1;
    void this.runBatch(batch).finally(() => {
      this.inFlight -= 1;
      this.scheduleFlush();
    });
  }

  private async runBatch(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]);
    // A part that cannot even be built fails alone; the others go on without it.
    const built: Array<{ waiting: Waiting; part: BatchPart }> = [];
    for (const waiting of batch) {
      try {
        built.push({ waiting, part: waiting.build(`b${built.length}_`) });
      } catch (error) {
        waiting.reject(error);
      }
    }
    if (built.length <= 1) return built[0] && this.runAlone(built[0].waiting);
    const ctes = Prisma.join(built.map(({ part }) => part.ctes), ',\n');
    const results = Prisma.join(built.map(({ part }, index) => Prisma.sql`${part.result} AS ${Prisma.raw(`r${index}`)}`), ', ');
    try {
      const [row] = await this.run<Record<string, unknown>>(Prisma.sql`${PREPARED}WITH ${ctes}
        SELECT ${results}`);
      built.forEach(({ waiting }, index) => waiting.resolve(row?.[`r${index}`]));
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) {
        for (const { waiting } of built) waiting.reject(error);
        return;
      }
      await Promise.all(built.map(({ waiting }) => this.runAlone(waiting)));
    }
  }

  private async runAlone(waiting: Waiting): Promise<void> {
    try {
      const part = waiting.build('b0_');
      const [row] = await this.run<{ r0: unknown }>(Prisma.sql`${PREPARED}WITH ${part.ctes}
        SELECT ${part.result} AS r0`);
      waiting.resolve(row?.r0);
    } catch (error) {
      waiting.reject(error);
    }
  }
}
