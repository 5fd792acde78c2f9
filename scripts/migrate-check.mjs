#!/usr/bin/env node
// npm run migrate:check [-- --schema <path>] [--migrations <dir>]
//
// The drift check CI runs: do prisma/migrations and prisma/schema.prisma describe the same
// database? Fails (exit 1) naming what differs when `npm run migrate:create` would produce a
// non-empty migration, or when the migrations folder is malformed (a migration directory without
// migration.sql, no migration_lock.toml, a lockfile for another provider). Exit 0 prints
// "schema and migrations agree". Runs on Prisma's WASM schema engine with a shadow database from
// lib/shadow.mjs (in-memory PGlite by default, SHADOW_DATABASE_URL to use a server instead).
import { relative } from 'node:path';
import { UsageError, diffMigrationsToSchema, parseArgs, readSchema, run, withSchemaEngine } from './lib/cli.mjs';
import { migrationFolderProblems, readMigrations } from './lib/migrations.mjs';

/** @param {string} path */
const shown = (path) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** @param {string} text */
const indent = (text) => text.replace(/^\s*\n/, '').trimEnd().replace(/^/gm, '    ');

run('migrate:check', async () => {
  const { schemaPath, migrationsDir, positional } = parseArgs(process.argv.slice(2));
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}; usage: npm run migrate:check [-- --schema <path>] [--migrations <dir>]`);

  const migrationsList = await readMigrations(migrationsDir);
  const problems = migrationFolderProblems(migrationsList);
  if (problems.length) {
    console.error(`migrate:check failed: ${shown(migrationsDir)} is malformed:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const schema = await readSchema(schemaPath);

  const drift = await withSchemaEngine(async (engine) => {
    const summary = await diffMigrationsToSchema(engine, migrationsList, schema, { script: false });
    if (!summary.changed) return null;
    // Only when they disagree: the SQL too, so the CI log shows exactly what is missing.
    const sql = await diffMigrationsToSchema(engine, migrationsList, schema, { script: true });
    return { summary: summary.output, sql: sql.output };
  });

  const count = migrationsList.migrationDirectories.length;
  if (!drift) {
    console.log(`schema and migrations agree (${shown(schemaPath)}, ${count} migration${count === 1 ? '' : 's'})`);
    return 0;
  }
  console.error(
    [
      `migrate:check failed: ${shown(schemaPath)} and ${shown(migrationsDir)} disagree.`,
      `Changes needed to go from the ${count} migration${count === 1 ? '' : 's'} to the schema:`,
      '',
      indent(drift.summary),
      '',
      'SQL a new migration would contain:',
      '',
      indent(drift.sql),
      '',
      'Create it with `npm run migrate:create -- <name>` (and commit it), or fix schema.prisma.',
    ].join('\n'),
  );
  return 1;
});
