import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations, readMigrations } from './migrator.js';

/**
 * The PostgreSQL the service runs on: DATABASE_URL when set, else the embedded one under DATA_DIR.
 * Opening it applies the committed migrations, so the service never runs on an older schema.
 */
export class Database {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly connectionString: string,
    /** Names of the migrations this build ships: what "migrations applied" is checked against. */
    readonly migrationNames: readonly string[],
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  static async open(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
    const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
    const connectionString = config.databaseUrl ?? embedded!.connectionString;
    try {
      const applied = await applyMigrations(connectionString);
      if (applied.length > 0) Database.logger.log(`Applied migrations: ${applied.join(', ')}`);
      const names = (await readMigrations()).map((migration) => migration.name);
      return new Database(connectionString, names, embedded);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  /** Stops the embedded database; called by PrismaService once its connections are closed. */
  async close(): Promise<void> {
    await this.embedded?.stop();
  }
}
