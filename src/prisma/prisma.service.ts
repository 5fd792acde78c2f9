import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { Database } from './database.js';
import { preparedStatementName } from './prepared-statements.js';

/**
 * How long a query waits for a connection (a new one, or a free slot in the pool) before failing:
 * with none, a database that accepts TCP but never answers would hang requests forever instead
 * of their answering 503 DATABASE.UNAVAILABLE (common/errors/database-unavailable.ts).
 */
const CONNECT_TIMEOUT_MS = 5_000;

/** The Prisma client on `@prisma/adapter-pg` (no native engine). Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(private readonly database: Database) {
    // The embedded database serves one connection (see EmbeddedPostgres); its pool holds just that one.
    // Its single connection is also a queue (one interactive transaction at a time): no connect
    // timeout there, or a burst of requests would fail waiting their turn.
    const pool = database.isEmbedded ? { max: 1 } : { max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
    // Named prepared statements on a server only: the embedded database is one PGlite session that
    // outlives each client connection, so a new connection's first Parse of a name would find it
    // already prepared (42P05) there.
    const prepared = database.isEmbedded ? {} : { statementNameGenerator: preparedStatementName };
    super({ adapter: new PrismaPg({ connectionString: database.connectionString, ...pool }, prepared) });
  }

  /**
   * After every module's onModuleDestroy (the scheduled jobs finish their tick there), so no query
   * is cut off; then the embedded database, if any, once nothing uses it.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.database.close();
  }
}
