import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** The key `prisma migrate deploy` locks on, so this runner and Prisma's own exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

/** `_prisma_migrations` exactly as Prisma's schema engine creates it. */
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies the committed migrations in order, leaving `_prisma_migrations` as `prisma migrate deploy`
 * would (Prisma's native engine cannot be downloaded on every machine this runs on). Each migration
 * runs in a transaction with its history row, under Prisma's advisory lock, so instances starting
 * together apply it once. Returns the names applied now.
 */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  // A dropped connection also rejects the pending query; without a listener it would kill the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(HISTORY_TABLE);
    const history = await readHistory(client);
    const applied: string[] = [];
    for (const migration of migrations) {
      const recorded = history.get(migration.name);
      if (recorded) {
        assertIntact(migration, recorded);
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

interface HistoryRow {
  checksum: string;
  finished_at: Date | null;
}

async function readHistory(client: pg.Client): Promise<Map<string, HistoryRow>> {
  const { rows } = await client.query<HistoryRow & { migration_name: string }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function assertIntact(migration: LocalMigration, recorded: HistoryRow): void {
  if (!recorded.finished_at) {
    throw new Error(`Migration ${migration.name} failed earlier and is recorded unfinished; resolve it by hand`);
  }
  if (recorded.checksum !== migration.checksum) {
    throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs)`);
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // One simple-protocol query: the script may hold `$$` bodies that a split on `;` would break.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
