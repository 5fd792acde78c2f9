import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { Database } from './database.js';

/** The Prisma client on `@prisma/adapter-pg` (no native engine). Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(private readonly database: Database) {
    // The embedded database serves one connection (see EmbeddedPostgres); its pool holds just that one.
    const max = database.isEmbedded ? 1 : 10;
    super({ adapter: new PrismaPg({ connectionString: database.connectionString, max }) });
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
