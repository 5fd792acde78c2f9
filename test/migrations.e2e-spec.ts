import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../src/prisma/embedded-postgres.js';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '../src/prisma/migrator.js';
import { createTestDatabase, query, TestDatabase } from './support/database.js';

describe('applying the committed migrations', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('records each migration exactly as `prisma migrate deploy` would', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    await applyMigrations(db.url);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const file = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.migration_name).toBe(migrations[index].name);
    }
    const tables = await query<{ tablename: string }>(db.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((table) => table.tablename)).toEqual(
      expect.arrayContaining(['orders', 'order_events', 'idempotency_records', 'received_callbacks']),
    );
  });

  it('applies nothing the second time', async () => {
    expect((await applyMigrations(db.url)).length).toBeGreaterThan(0);
    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it('applies each migration once when several instances start together', async () => {
    const results = await Promise.all([applyMigrations(db.url), applyMigrations(db.url), applyMigrations(db.url)]);
    const applied = results.flat();
    expect(applied).toHaveLength((await readMigrations()).length);
    const rows = await query(db.url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(applied.length);
  });

  it('refuses to start on a database whose applied migration was edited since', async () => {
    await applyMigrations(db.url);
    await query(db.url, `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await expect(applyMigrations(db.url)).rejects.toThrow(/was edited after it was applied/);
  });
});

describe('the embedded database', () => {
  // PGlite boots its WebAssembly PostgreSQL twice here: several seconds on a busy machine.
  it('keeps its data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-embedded-'));
    try {
      const first = await EmbeddedPostgres.start(dataDir);
      await applyMigrations(first.connectionString);
      await query(
        first.connectionString,
        `INSERT INTO orders (id, "shopId", "orderReference", "amountCents", "callbackSecret", "updatedAt")
         VALUES (gen_random_uuid(), 'partnershop', 'A-1', 12345, 's', now())`,
      );
      await first.stop();

      const second = await EmbeddedPostgres.start(dataDir);
      try {
        expect(await applyMigrations(second.connectionString)).toEqual([]);
        const rows = await query<{ amountCents: number }>(second.connectionString, `SELECT "amountCents" FROM orders`);
        expect(rows).toEqual([{ amountCents: 12345 }]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
