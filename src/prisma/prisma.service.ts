import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import { Database } from './database.js';
import { preparedStatementName } from './prepared-statements.js';
import { StatementBatcher, type BatchPartBuilder } from './statement-batcher.js';

/**
 * Group commit (StatementBatcher): at most 8 orders per statement, and at most 4 such statements
 * running, so a burst leaves the pool's other 6 connections to the rest of the service; what
 * arrives while 4 run goes in the next statement. 8 × create order's biggest part is ~260
 * parameters, far below PostgreSQL's 65,535.
 */
const BATCH = { maxParts: 8, maxInFlight: 4 };

/**
 * How long a query waits for a connection (a new one, or a free slot in the pool) before failing:
 * with none, a database that accepts TCP but never answers would hang requests forever instead
 * of their answering 503 DATABASE.UNAVAILABLE (common/errors/database-unavailable.ts).
 */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Prisma's bounds on an interactive transaction (`$transaction`), both failing with P2028, which the
 * problem filter answers 503 DATABASE.UNAVAILABLE (common/errors/database-unavailable.ts):
 * - `maxWait`, its wait for a connection: as long as a statement's (CONNECT_TIMEOUT_MS). Prisma's
 *   default, 2 s, made a busy pool fail transactions first, and as a 500. On the embedded database's
 *   one connection, a queue, a minute: a burst waits its turn as its statements do.
 * - `timeout`, how long it may last once started: Prisma's default, 5 s. Past it Prisma rolls the
 *   transaction back (a statement still running, e.g. waiting on a row lock another session holds,
 *   keeps its connection until it returns). No `lock_timeout` beside it: it would also fail the
 *   one-statement writes that record a Soisy answer, which wait a long lock out and then succeed.
 */
const TRANSACTION_TIMEOUT_MS = 5_000;
const EMBEDDED_TRANSACTION_WAIT_MS = 60_000;

/**
 * The Prisma client on `@prisma/adapter-pg` (no native engine), and `statement` for the few raw
 * statements on the storefront's hot path. Only repositories use it.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  /** The node-postgres pool under Prisma's adapter, shared by `statement`: one connection budget. */
  private readonly pool: pg.Pool;
  private readonly namesStatements: boolean;
  private readonly batcher: StatementBatcher;

  constructor(private readonly database: Database) {
    // The embedded database serves one connection (see EmbeddedPostgres); its pool holds just that one.
    // Its single connection is also a queue (one interactive transaction at a time): no connect
    // timeout there, or a burst of requests would fail waiting their turn.
    const limits = database.isEmbedded ? { max: 1 } : { max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
    const pool = new pg.Pool({ connectionString: database.connectionString, ...limits });
    // An idle client's error (the server restarted, say) is emitted on the pool, which then drops that
    // client; unheard, it would end the process. The next query opens a new connection or fails as
    // DATABASE.UNAVAILABLE.
    pool.on('error', () => undefined);
    // Named prepared statements on a server only: the embedded database is one PGlite session that
    // outlives each client connection, so a new connection's first Parse of a name would find it
    // already prepared (42P05) there.
    const prepared = database.isEmbedded ? {} : { statementNameGenerator: preparedStatementName };
    super({
      adapter: new PrismaPg(pool, { ...prepared, disposeExternalPool: true }),
      transactionOptions: { maxWait: database.isEmbedded ? EMBEDDED_TRANSACTION_WAIT_MS : CONNECT_TIMEOUT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    });
    this.pool = pool;
    this.namesStatements = !database.isEmbedded;
    const logger = new Logger(PrismaService.name);
    this.batcher = new StatementBatcher((sql) => this.statement(sql), {
      ...BATCH,
      // The pool's own bound on a wait, and none on the embedded database (a queue, as above); a
      // statement still running after 1 s (milliseconds is the norm) frees its slot for the pool's other connections.
      ...(database.isEmbedded ? {} : { maxWaitMs: CONNECT_TIMEOUT_MS, slotHoldMs: 1_000 }),
      // Expected now and then (two orders took one reference); often, it would say a part's SQL is broken.
      onRefused: (code, parts) => logger.warn({ code, parts }, 'PostgreSQL refused a shared statement; its parts ran again one by one'),
    });
  }

  /**
   * One raw statement run straight on the pool, outside any transaction, without Prisma's query
   * runtime: for the statements on the storefront's hot path (issue 10: create order's two, the
   * checkout step's claim and outcome, the order read by token), where a
   * CPU profile of `npm run bench:profile -- create` showed Prisma's `$queryRaw` machinery (request
   * batching, argument typing, result mapping: ~165 µs of the main thread per order, more than
   * node-postgres itself) dominating the database part of the request. Everything else keeps `$queryRaw`
   * and the query API.
   *
   * Same SQL, parameters and prepared-statement naming as `$queryRaw` (a `PREPARED` statement is named
   * on a server); dates are sent as ISO 8601 UTC. Rows come as node-postgres parses them: boolean,
   * integer, text, timestamptz → Date, jsonb → object, bigint → string. Errors are node-postgres' own:
   * a `DatabaseError` with its SQLSTATE `code` (isUniqueViolation reads 23505 as it reads Prisma's P2002),
   * or the connection errors that `databaseUnavailableReason` maps to 503 DATABASE.UNAVAILABLE.
   */
  async statement<Row>(sql: Prisma.Sql): Promise<Row[]> {
    const text = sql.text;
    const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
    const name = this.namesStatements ? preparedStatementName({ sql: text }) : undefined;
    const result = await this.pool.query<Row & pg.QueryResultRow>({ text, values, ...(name ? { name } : {}) });
    return result.rows;
  }

  /**
   * A one-statement write that concurrent requests may share a statement and a commit with (group
   * commit: see StatementBatcher for what each keeps). `build(prefix)` gives its CTEs, every name
   * starting with `prefix`, and the scalar it yields; parts of one `shape` must differ only in values.
   * Resolves that scalar once committed. Rejects as PrismaService.statement does, with two
   * differences: a connection lost under a shared statement is the error of each of its parts, and a
   * part that waited 5 s for a slot fails as the pool's own wait for a connection does (503).
   */
  batched<T>(shape: string, build: BatchPartBuilder): Promise<T> {
    return this.batcher.submit<T>(shape, build);
  }

  /**
   * After every module's onModuleDestroy (the scheduled jobs finish their tick there), so no query
   * is cut off; then the embedded database, if any, once nothing uses it. `$disconnect` ends the
   * shared pool (`disposeExternalPool`).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end().catch(() => undefined); // already ended by the adapter when it had connected
    await this.database.close();
  }
}
