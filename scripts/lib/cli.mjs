// What migrate-create.mjs and migrate-check.mjs share: option parsing, reading the schema and the
// migrations, and running the schema engine on a shadow database with guaranteed cleanup.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngineAdapterFactory } from './pg-adapter.mjs';
import { lastEnginePanic, startSchemaEngine } from './schema-engine.mjs';
import { openEngineDatabases } from './shadow.mjs';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Paths of prisma.config.ts, relative to the project root (not to the caller's cwd). */
export const DEFAULT_SCHEMA = resolve(projectRoot, 'prisma/schema.prisma');
export const DEFAULT_MIGRATIONS = resolve(projectRoot, 'prisma/migrations');

/** Entities Prisma should ignore: none (prisma.config.ts declares no external tables/enums). */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * `--schema <path>`, `--migrations <path>` and positional arguments.
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  const options = { schemaPath: DEFAULT_SCHEMA, migrationsDir: DEFAULT_MIGRATIONS, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return resolve(v);
    };
    if (flag === '--schema') options.schemaPath = value();
    else if (flag === '--migrations') options.migrationsDir = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

export class UsageError extends Error {}

/**
 * The schema as the engine wants it (one file; this project does not split its schema).
 * @param {string} schemaPath
 * @returns {Promise<import('@prisma/schema-engine-wasm').SchemasContainer>}
 */
export async function readSchema(schemaPath) {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }] };
}

/**
 * What `prisma migrate diff --from-migrations <dir> --to-schema <schema>` computes: the change
 * that takes a database with every migration applied to the schema. The engine replays the
 * migrations on a shadow database to know where they lead. (The engine's createMigration would be
 * the natural call for migrate:create, but the WASM build refuses it: "PostgreSQL shadow DB must be
 * provided through an external factory". diff does use the adapter factory's shadow database.)
 * @param {import('@prisma/schema-engine-wasm').SchemaEngine} engine from withSchemaEngine
 * @param {import('@prisma/schema-engine-wasm').MigrationList} migrationsList
 * @param {import('@prisma/schema-engine-wasm').SchemasContainer} schema
 * @param {{ script: boolean }} options script: SQL; otherwise a human-readable summary
 * @returns {Promise<{ changed: boolean, output: string }>}
 */
export async function diffMigrationsToSchema(engine, migrationsList, schema, { script }) {
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationsList },
    to: { tag: 'schemaDatamodel', ...schema },
    script,
    exitCode: true, // exitCode 2 = "there is a difference", as with `migrate diff --exit-code`
    filters: NO_FILTERS,
  });
  return { changed: result.exitCode === 2, output: result.stdout ?? '' };
}

/**
 * Runs `work` with a schema engine whose shadow databases come from shadow.mjs, then closes
 * everything. Callers must still end with process.exit: the engine leaves a ~10 s timer behind.
 * @template T
 * @param {(engine: import('@prisma/schema-engine-wasm').SchemaEngine) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withSchemaEngine(work) {
  const databases = await openEngineDatabases();
  if (process.env.MIGRATE_DEBUG) console.error(`[migrate] shadow database: ${databases.description}`);
  try {
    const engine = await startSchemaEngine(createEngineAdapterFactory(databases));
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await databases.close();
  }
}

/**
 * Runs a script's main function: prints errors readably and always exits (see withSchemaEngine).
 * @param {string} label e.g. "migrate:check", to prefix error messages
 * @param {() => Promise<number>} main resolves to the exit code
 */
export function run(label, main) {
  const fail = (/** @type {any} */ error) => {
    console.error(error instanceof UsageError ? error.message : `${label} failed: ${engineErrorMessage(error)}`);
    process.exit(error instanceof UsageError ? 64 : 1);
  };
  // An engine panic surfaces as an uncaught "RuntimeError: unreachable" from a wasm callback.
  process.on('uncaughtException', (error) => {
    const panic = lastEnginePanic();
    fail(panic ? new Error(`the schema engine panicked: ${panic}`) : error);
  });
  main().then((code) => process.exit(code), fail);
}

/**
 * Engine errors arrive as JS Errors whose message may be a JSON user-facing error, and end with
 * the engine's span trace ("0: schema_engine_wasm::… at schema-engine/…"), kept for MIGRATE_DEBUG.
 * @param {any} error
 */
function engineErrorMessage(error) {
  let message = String(error?.message ?? error);
  try {
    const parsed = JSON.parse(message);
    if (parsed?.message) message = parsed.message;
  } catch {
    // not JSON: as is
  }
  if (process.env.MIGRATE_DEBUG) return String(error?.stack ?? message);
  return message.replace(/\n\s+0: schema_engine[\s\S]*$/, '').trimEnd();
}
