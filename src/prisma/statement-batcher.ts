import { AsyncResource } from 'node:async_hooks';
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
  /**
   * Longest wait for a slot, in milliseconds, before the part fails as the pool fails a query that
   * waits too long for a connection (503 DATABASE.UNAVAILABLE); none: wait as long as it takes.
   */
  maxWaitMs?: number;
  /**
   * After this many milliseconds a running statement stops counting against `maxInFlight` (its parts
   * still wait for its outcome): a statement stuck on a silently dead connection, which only the
   * kernel's TCP timeout ends, must not keep the next parts from the pool's other connections.
   */
  slotHoldMs?: number;
  /** Told when PostgreSQL refuses a shared statement (its SQLSTATE and how many parts it held): no values. */
  onRefused?: (code: string, parts: number) => void;
}

interface Waiting {
  build: BatchPartBuilder;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** performance.now() when it started waiting for a slot. */
  since: number;
}

/**
 * SQLSTATE classes of an ERROR that one part, or two parts' clash, can cause, after which each part
 * alone may well succeed: data exception (22), integrity constraint violation (23: two parts took
 * the same order reference), transaction rollback (40: a deadlock with another statement).
 */
const PART_CLASSES = new Set(['22', '23', '40']);

/**
 * Group commit for the storefront's one-statement writes (issue 10): the parts that concurrent
 * requests submit while earlier batches run go to PostgreSQL together, as ONE statement
 * (`WITH <part 1's CTEs>, <part 2's CTEs> … SELECT <result 1>, <result 2> …`), so N orders pay one
 * round trip, one executor start-up and one commit (one WAL flush) instead of N. Measured with
 * pgbench on create order's two statements: PostgreSQL's CPU per order fell by about half at 8
 * per statement. Nothing waits for a batch to fill: while fewer than `maxInFlight` statements run
 * and nothing queues, a part goes out at once, alone (the statement it always was, its CTE names
 * prefixed `b0_`); the parts that arrive while all of them run queue, and go out together as soon
 * as one ends, the shapes taking turns. Batches so grow only under load, when the slots stay taken.
 *
 * What each request keeps:
 * - Atomicity and durability: its part commits or rolls back with the statement, and the
 *   statement has committed when its promise resolves, as for PrismaService.statement.
 * - Its own answer: parts of one statement cannot see each other's writes (one snapshot), and each
 *   reads only its own CTEs. When PostgreSQL refuses the statement with an ERROR of a class one part
 *   can cause (PART_CLASSES), the statement's transaction was rolled back: nothing of it was
 *   committed, and each part is run again on its own, one after the other in the batch's slot, so it
 *   gets the answer it would have had alone. Any other error is every part's error, as it would have
 *   been for each statement alone: a FATAL or a dropped connection (the commit's outcome unknown:
 *   running a part again could find its own row), or a refusal no part alone would escape.
 * - A bounded wait: past `maxWaitMs` in the queue a part fails as the pool's own wait for a
 *   connection does, so an overloaded or stuck database answers 503, not never; and a statement
 *   running past `slotHoldMs` gives its slot up, so statements stuck on dead connections do not
 *   stop create orders while the pool has others (as before group commit, each request then waits
 *   for its own statement only).
 *
 * What sharing costs: one order's lock wait holds its batch-mates' commits; a dropped connection
 * leaves up to `maxParts` orders' outcome unknown at once (each answered 503 and left to creation
 * recovery, as one alone would be); two batches that insert two duplicate references in opposite
 * order can deadlock, and PostgreSQL's deadlock_timeout (1 s) passes before the re-runs decide them.
 * Only parts of the same `shape` (the same SQL text but for values) share a statement, so a
 * connection holds at most shapes × `maxParts` prepared statements for them.
 */
export class StatementBatcher {
  private readonly waiting = new Map<string, Waiting[]>();
  private inFlight = 0;
  private flushScheduled = false;
  private sweep: NodeJS.Timeout | undefined;
  /** Shared statements run in the batcher's own async context, not in that of whichever request's turn sent them (its log fields). */
  private readonly detached = new AsyncResource('StatementBatcher');

  constructor(
    private readonly run: <Row>(sql: Prisma.Sql) => Promise<Row[]>,
    private readonly options: StatementBatcherOptions,
  ) {}

  /** Runs the part (alone or in a batch) and resolves its result's value once the statement committed. */
  submit<T>(shape: string, build: BatchPartBuilder): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { build, resolve: resolve as (value: unknown) => void, reject, since: performance.now() };
      // A free slot and no one before it: out at once, without waiting for the end of this turn.
      if (this.inFlight < this.options.maxInFlight && this.waiting.size === 0) return this.dispatch([waiting]);
      const queue = this.waiting.get(shape) ?? [];
      queue.push(waiting);
      this.waiting.set(shape, queue);
      this.scheduleFlush();
      this.armSweep();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.detached.runInAsyncScope(() => {
      this.flushScheduled = false;
      this.flush();
    }));
  }

  /** Fills the free slots, one batch per shape in turn (a shape that keeps arriving cannot starve another). */
  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.size > 0) {
      const [shape, queue] = this.waiting.entries().next().value as [string, Waiting[]];
      this.waiting.delete(shape);
      this.dispatch(queue.splice(0, this.options.maxParts));
      if (queue.length > 0) this.waiting.set(shape, queue); // to the back of the turn
    }
  }

  private dispatch(batch: Waiting[]): void {
    this.inFlight += 1;
    let holdsSlot = true;
    const freeSlot = () => {
      if (!holdsSlot) return;
      holdsSlot = false;
      this.inFlight -= 1;
      this.scheduleFlush();
    };
    const { slotHoldMs } = this.options;
    const overdue = slotHoldMs === undefined ? undefined : setTimeout(freeSlot, slotHoldMs).unref();
    this.runBatch(batch)
      .catch((error: unknown) => batch.forEach((waiting) => waiting.reject(error))) // no part left unsettled
      .finally(() => {
        clearTimeout(overdue);
        freeSlot();
      });
  }

  /** Fails the parts that waited past `maxWaitMs`: one timer for the whole queue, armed while it holds any. */
  private armSweep(): void {
    const { maxWaitMs } = this.options;
    if (maxWaitMs === undefined || this.sweep) return;
    this.sweep = setTimeout(() => {
      this.sweep = undefined;
      const now = performance.now();
      for (const [shape, queue] of this.waiting) {
        const expired = queue.filter((waiting) => now - waiting.since >= maxWaitMs);
        if (expired.length === 0) continue;
        // The message is node-postgres' pool's own for the same wait, so every caller treats it as it
        // treats that one (databaseUnavailableReason: 503 DATABASE.UNAVAILABLE).
        expired.forEach((waiting) => waiting.reject(new Error('timeout exceeded when trying to connect (waiting for a statement slot)')));
        const rest = queue.filter((waiting) => !expired.includes(waiting));
        if (rest.length > 0) this.waiting.set(shape, rest);
        else this.waiting.delete(shape);
      }
      if (this.waiting.size > 0) this.armSweep();
    }, Math.max(1, maxWaitMs / 4)).unref();
  }

  private async runBatch(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
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
      if (!refusedForAPart(error)) {
        for (const { waiting } of built) waiting.reject(error);
        return;
      }
      this.options.onRefused?.(error.code ?? '', built.length);
      // One after the other, in this batch's slot: a refused batch never takes more connections than it had.
      for (const { waiting } of built) await this.runAlone(waiting);
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

/**
 * PostgreSQL answered the statement with an ERROR (the transaction rolled back: nothing committed)
 * of a class that one part, or two parts together, cause. Never a FATAL or PANIC: the session ended,
 * perhaps after the commit (a backend terminated while waiting for a synchronous standby has
 * committed locally), so the outcome is unknown; their SQLSTATEs (57P01, 08…, XX…) are outside these
 * classes, and the severity is checked too where it reads in English (node-postgres gives only the
 * localised one). 40003 is PostgreSQL's own "statement completion unknown".
 */
function refusedForAPart(error: unknown): error is pg.DatabaseError {
  if (!(error instanceof pg.DatabaseError) || error.code === undefined || error.code === '40003') return false;
  if (error.severity === 'FATAL' || error.severity === 'PANIC') return false;
  return PART_CLASSES.has(error.code.slice(0, 2));
}
