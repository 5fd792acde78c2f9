// Where the schema engine runs its SQL: a "main" database it only probes at start (PostgreSQL
// version, `public` schema), and a shadow database on which it replays prisma/migrations to learn
// the schema they produce.
//
// Default: a fresh in-memory PGlite served over a socket on a random local port, so no server is
// needed and nothing on a real server is touched. PGlite has one database and ignores database
// names, so "main" and "shadow" are the same empty instance; the engine only probes main.
// Initialising PGlite (initdb) takes 4-6 s on these machines; loading a dump of a freshly
// initialised instance takes ~1 s, so that dump is cached in the OS temp directory, per PGlite
// version (pglite-template.mjs).
//
// With SHADOW_DATABASE_URL (any PostgreSQL the user may create databases on), the shadow database
// is a scratch database created there and dropped afterwards; main is the URL's own database,
// which is only probed, never written. Connections are always configured by discrete fields: a
// connectionString would override the scratch database's name and land on the real one.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createFreshPglite } from './pglite-template.mjs';

/**
 * @typedef {import('./pg-adapter.mjs').ShadowProvider} ShadowProvider
 * @typedef {{ main: pg.PoolConfig, shadow: ShadowProvider, description: string,
 *   close: () => Promise<void> }} EngineDatabases
 */

/** @returns {Promise<EngineDatabases>} */
export async function openEngineDatabases(env = process.env) {
  return env.SHADOW_DATABASE_URL ? openServerDatabases(env.SHADOW_DATABASE_URL) : openPglite();
}

/** @returns {Promise<EngineDatabases>} */
async function openPglite() {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await createFreshPglite();
  // Two connections: the engine keeps its main pool open while it works on the shadow one.
  // PGlite runs one query at a time anyway; the socket server queues the rest.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  /** @type {pg.PoolConfig} */
  const config = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 };
  let used = false;
  return {
    main: config,
    description: 'in-memory PGlite',
    shadow: {
      async create() {
        // A second shadow in the same process must start empty too.
        if (used) await resetPublicSchema(config);
        used = true;
        return { config, release: async () => {} };
      },
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/** @param {pg.PoolConfig} config */
async function resetPublicSchema(config) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * Discrete connection fields from a postgres:// URL (see the file comment for why).
 * @param {string} url
 * @returns {pg.PoolConfig}
 */
export function connectionFields(url) {
  const u = new URL(url);
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`not a PostgreSQL URL: ${u.protocol}//…`);
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname || 'localhost');
  return {
    host,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || 'postgres'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: ['require', 'verify-ca', 'verify-full'].includes(u.searchParams.get('sslmode') ?? '')
      ? { rejectUnauthorized: u.searchParams.get('sslmode') !== 'require' }
      : undefined,
  };
}

/**
 * @param {string} url
 * @returns {Promise<EngineDatabases>}
 */
async function openServerDatabases(url) {
  const main = { ...connectionFields(url), max: 1 };
  const admin = new pg.Client(main);
  await admin.connect();
  /** @type {Set<string>} */
  const created = new Set();
  const drop = async (/** @type {string} */ name) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    created.delete(name);
  };
  return {
    main,
    description: `scratch database on ${main.host}:${main.port}`,
    shadow: {
      async create() {
        const name = `soisy_migrate_shadow_${randomUUID().replaceAll('-', '')}`;
        await admin.query(`CREATE DATABASE "${name}"`);
        created.add(name);
        // release() runs after the adapter closed its pool (pg-adapter.mjs), so DROP cannot
        // fail on "database is being accessed by other users".
        return { config: { ...main, database: name }, release: () => drop(name) };
      },
    },
    async close() {
      // Normally empty: covers a shadow database whose adapter was never disposed (engine error).
      for (const name of [...created]) await drop(name).catch(() => {});
      await admin.end();
    },
  };
}
