import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, MIGRATIONS_DIR } from '../../src/prisma/migrator.js';
import { createTestDatabase, query, type TestDatabase } from '../support/database.js';

/**
 * The `fixedInstalments` column replaced reading the merchant's instalments back from the creation
 * event's JSON: its migration fills it for existing orders from those events.
 */
describe('the fixedInstalments migration', () => {
  let db: TestDatabase;
  let before: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The database as it was before the column: every migration up to (not including) it.
    before = await mkdtemp(join(tmpdir(), 'migrations-before-'));
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const column = names.findIndex((name) => name.endsWith('_order_fixed_instalments'));
    expect(column).toBeGreaterThan(0);
    for (const name of names.slice(0, column)) await cp(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
    await applyMigrations(db.url, before);
  });
  afterAll(async () => {
    await db.drop();
    await rm(before, { recursive: true, force: true });
  });

  async function order(instalments: number | null, events: Array<{ type: string; data: unknown; at: string }>): Promise<string> {
    const [{ id }] = await query<{ id: string }>(db.url, `INSERT INTO orders (id, "shopId", "orderReference", "amountCents", instalments, status, "callbackSecret", "updatedAt")
      VALUES (gen_random_uuid(), 'partnershop', $1, 100000, $2, 'requested', $3, now()) RETURNING id`, [`ORD-${randomUUID()}`, instalments, randomUUID()]);
    for (const event of events) {
      await query(db.url, `INSERT INTO order_events (id, "orderId", type, source, data, "createdAt") VALUES (gen_random_uuid(), $1, $2, 'api', $3, $4)`,
        [id, event.type, event.data === undefined ? null : JSON.stringify(event.data), event.at]);
    }
    return id;
  }

  it('takes the latest creation event\'s instalments, null when the shopper chose, and the order\'s own when no event recorded them', async () => {
    const fixed = await order(12, [{ type: 'order.creation_started', data: { instalments: 12 }, at: '2026-11-01T10:00:00Z' }]);
    const shopperChose = await order(24, [{ type: 'order.creation_started', data: { instalments: null }, at: '2026-11-01T10:00:00Z' }]);
    const retried = await order(6, [
      { type: 'order.creation_started', data: { instalments: 10 }, at: '2026-11-01T10:00:00Z' },
      { type: 'order.creation_retried', data: { instalments: 6 }, at: '2026-11-02T10:00:00Z' },
      { type: 'loan_request.created', data: { instalments: 18 }, at: '2026-11-03T10:00:00Z' },
    ]);
    const beforeEvents = await order(9, [{ type: 'order.creation_started', data: null, at: '2026-11-01T10:00:00Z' }]);
    const noEvents = await order(15, []);

    await applyMigrations(db.url);

    const rows = await query<{ id: string; fixedInstalments: number | null }>(db.url, 'SELECT id, "fixedInstalments" FROM orders');
    const fixedOf = new Map(rows.map((row) => [row.id, row.fixedInstalments]));
    expect([fixed, shopperChose, retried, beforeEvents, noEvents].map((id) => fixedOf.get(id))).toEqual([12, null, 6, 9, 15]);
  });
});
