// Loads Prisma's WASM schema engine (@prisma/schema-engine-wasm) and starts it on a driver adapter.
//
// Why not `import '@prisma/schema-engine-wasm'`: its entry point imports the .wasm file as an ES
// module, which Node 24 only does behind an "experimental" warning (and Node 22 behind a flag). We
// instantiate the same wasm file ourselves and hand it to the package's own JS bindings instead.
import { readFile } from 'node:fs/promises';

/**
 * When the Rust code panics, the bindings store the panic message here before throwing a bare
 * "unreachable" RuntimeError (the Prisma CLI installs the same global). Without it, a panic shows
 * up as "Cannot read properties of undefined (reading 'set_message')".
 */
const panics = { message: '', set_message(/** @type {string} */ message) { this.message = message; } };
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY ??= panics;

/** The last panic message of the engine, if it panicked. */
export function lastEnginePanic() {
  return /** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY?.message || undefined;
}

/** @type {Promise<typeof import('@prisma/schema-engine-wasm')> | undefined} */
let loading;

/** The package's JS bindings, with the wasm instance wired in (once per process). */
export function loadSchemaEngineModule() {
  loading ??= (async () => {
    // The package exports its JS bindings; the wasm file sits next to them.
    const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = await import(bindingsUrl);
    const bytes = await readFile(new URL('schema_engine_bg.wasm', bindingsUrl));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    // What the package's schema_engine.js does after its static wasm import.
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return bindings;
  })();
  return loading;
}

/**
 * Starts a schema engine. `adapterFactory` must already be bound with
 * `bindMigrationAwareSqlAdapterFactory` (see pg-adapter.mjs): the engine talks to Result objects,
 * not to thrown errors.
 * @param {object} adapterFactory
 * @param {{ schemaPath: string, schema: string }} [datamodel] the schema the engine starts with
 * @returns {Promise<import('@prisma/schema-engine-wasm').SchemaEngine>}
 */
export async function startSchemaEngine(adapterFactory, datamodel) {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const datamodels = datamodel ? [[datamodel.schemaPath, datamodel.schema]] : undefined;
  // The callback receives the engine's log lines (JSON strings). Only shown when asked for.
  const onLog = (/** @type {string} */ line) => {
    if (process.env.MIGRATE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  return SchemaEngine.new({ datamodels }, onLog, adapterFactory);
}
