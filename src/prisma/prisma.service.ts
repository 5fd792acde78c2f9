import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { Database } from './database.js';

/** The Prisma client on `@prisma/adapter-pg` (no native engine). Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(database: Database) {
    // The embedded database runs one query at a time, so a large pool would only queue in front of it.
    const max = database.isEmbedded ? 4 : 10;
    super({ adapter: new PrismaPg({ connectionString: database.connectionString, max }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
