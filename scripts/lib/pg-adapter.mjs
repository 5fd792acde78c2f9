// A migration-aware driver-adapter factory for Prisma's WASM schema engine, built on
// @prisma/adapter-pg, with the fixes the engine needs (ENVIRONMENT.md § Prisma 7 without Prisma's
// binary server):
//  - the engine's catalogue queries return `"char"` columns (oid 18: pg_class.relkind,
//    pg_constraint.contype, ...), which adapter-pg refuses ("UnsupportedNativeDataType"). pg
//    already returns them as one-letter strings; we let adapter-pg see them as text and then tell
//    the engine they are characters (it reads them with `as_char`, which fails on text values,
//    e.g. for PostgreSQL 18's NOT NULL constraints, contype 'n').
//  - adapter-pg's executeScript splits the script on `;`, which breaks `$$ ... $$` bodies and
//    string literals. We send the whole script as one simple-protocol query instead, which is also
//    what Prisma's native engine does.
//  - adapter-pg's own connectToShadowDb spreads a connectionString config (which then wins over the
//    `database` it sets, so the "shadow" lands on the main database) and drops the shadow database
//    before closing the pool on it. Shadow databases come from shadow.mjs instead, configured by
//    discrete fields, and are dropped only after their pool is closed.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const CHAR_OID = 18;
const TEXT_OID = 25;
/** ColumnTypeEnum.Character of @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN = 6;

/**
 * Which columns of a result were `"char"`, keyed by the result's `rows` array: adapter-pg returns
 * that very array from queryRaw, but not the pg field descriptions.
 * @type {WeakMap<unknown[], number[]>}
 */
const charColumnsByRows = new WeakMap();

/** @param {any} result a pg result (or an array of them for multi-statement queries) */
function charColumnsAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (r?.fields ?? []).forEach((/** @type {any} */ field, /** @type {number} */ i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(i);
      }
    });
    if (charColumns.length && Array.isArray(r.rows)) charColumnsByRows.set(r.rows, charColumns);
  }
  return result;
}

/** pg.Client whose results never carry oid 18; pg.Pool uses it through its `Client` option. */
class EngineClient extends pg.Client {
  /** @type {any} */
  query(config, values, callback) {
    if (typeof values === 'function') {
      callback = values;
      values = undefined;
    }
    if (typeof config?.submit === 'function') return super.query(config, values, callback);
    if (callback) return super.query(config, values, (err, res) => callback(err, err ? res : charColumnsAsText(res)));
    return super.query(config, values).then(charColumnsAsText);
  }
}

/**
 * Makes `queryable.queryRaw` (an adapter or a transaction) report `"char"` columns as characters.
 * @param {any} queryable
 */
function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (/** @type {any} */ query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  return queryable;
}

// The engine expects adapters whose methods return Result objects; adapter-pg's own package binds
// them with @prisma/driver-adapter-utils. Resolve it from adapter-pg so both agree on the version
// (it is adapter-pg's dependency, not ours).
const requireFromAdapter = createRequire(createRequire(import.meta.url).resolve('@prisma/adapter-pg'));
const { bindMigrationAwareSqlAdapterFactory } = await import(
  pathToFileURL(requireFromAdapter.resolve('@prisma/driver-adapter-utils')).href
);

/**
 * Opens an adapter-pg adapter on discrete connection fields, with the engine fixes applied.
 * @param {pg.PoolConfig} config host/port/user/password/database (never connectionString)
 * @param {() => Promise<void>} [afterDispose] runs once the adapter's pool is closed
 */
async function openAdapter(config, afterDispose) {
  const adapter = reportCharColumns(await new PrismaPg({ ...config, Client: EngineClient }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (/** @type {any} */ ...args) => reportCharColumns(await startTransaction(...args));
  // One query, simple protocol (no parameters): multi-statement scripts and $$ bodies both work,
  // and errors still go through adapter-pg's error mapping.
  adapter.executeScript = async (/** @type {string} */ script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  if (afterDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose(); // closes the pool: the shadow database has no connections left
      await afterDispose();
    };
  }
  return adapter;
}

/**
 * @typedef {{ config: pg.PoolConfig, release: () => Promise<void> }} ShadowDatabase
 * @typedef {{ create: () => Promise<ShadowDatabase> }} ShadowProvider
 */

/**
 * The factory the schema engine is started with.
 * @param {{ main: pg.PoolConfig, shadow?: ShadowProvider }} options discrete connection fields
 *   for the main database, and where shadow databases come from (shadow.mjs)
 */
export function createEngineAdapterFactory({ main, shadow }) {
  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      // The engine connects to its main database as soon as it starts and probes it (version,
      // `public` schema), even for diffs that never read its tables.
      return openAdapter(main);
    },
    async connectToShadowDb() {
      if (!shadow) throw new Error('no shadow database provider configured');
      const db = await shadow.create();
      try {
        return await openAdapter(db.config, db.release);
      } catch (error) {
        await db.release();
        throw error;
      }
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
