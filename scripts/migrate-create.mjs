#!/usr/bin/env node
// npm run migrate:create -- <name> [--schema <path>] [--migrations <dir>]
//
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database from
// "every existing migration applied" to prisma/schema.prisma, in Prisma's format, like
// `prisma migrate dev --create-only` but without Prisma's native schema engine (which cannot be
// downloaded here). Prisma's WASM schema engine computes it, replaying the migrations on a shadow
// database: an in-memory PGlite by default, or a scratch database on SHADOW_DATABASE_URL (see
// lib/shadow.mjs). Prints "no changes" and creates nothing when the migrations match the schema.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { UsageError, diffMigrationsToSchema, parseArgs, readSchema, run, withSchemaEngine } from './lib/cli.mjs';
import {
  LOCKFILE,
  LOCKFILE_CONTENT,
  migrationFolderProblems,
  migrationNameSlug,
  readMigrations,
} from './lib/migrations.mjs';

/** Prisma's migration timestamp: UTC, YYYYMMDDHHMMSS. */
function timestamp(date = new Date()) {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

run('migrate:create', async () => {
  const { schemaPath, migrationsDir, positional } = parseArgs(process.argv.slice(2));
  if (positional.length !== 1) {
    throw new UsageError('usage: npm run migrate:create -- <name> [--schema <path>] [--migrations <dir>]');
  }
  const name = migrationNameSlug(positional[0]);
  if (!name) throw new UsageError(`"${positional[0]}" leaves nothing usable as a migration name`);

  const schema = await readSchema(schemaPath);
  const migrationsList = await readMigrations(migrationsDir);
  // A missing lockfile is fine (first migration: written below); a broken folder is not.
  const problems = migrationFolderProblems(migrationsList).filter((p) => !p.startsWith(`${LOCKFILE} is missing`));
  if (problems.length) throw new Error(`${migrationsDir} is not usable:\n  - ${problems.join('\n  - ')}`);

  const { changed, output: script } = await withSchemaEngine((engine) =>
    diffMigrationsToSchema(engine, migrationsList, schema, { script: true }),
  );
  if (!changed) {
    console.log('no changes: the migrations already match the schema; nothing created');
    return 0;
  }

  // Migrations apply in name order: never sort before the latest one, even with a skewed clock.
  let stamp = timestamp();
  const latest = migrationsList.migrationDirectories.at(-1)?.path.slice(0, 14);
  if (latest && /^\d{14}$/.test(latest) && stamp <= latest) {
    const next = new Date(`${latest.replace(/(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1-$2-$3T$4:$5:$6')}Z`);
    stamp = timestamp(new Date(next.getTime() + 1000));
  }
  const dir = join(migrationsDir, `${stamp}_${name}`);
  // Like the Prisma CLI: never overwrite (mkdir fails if it exists); the script byte for byte.
  await mkdir(dir);
  const file = join(dir, 'migration.sql');
  await writeFile(file, script, 'utf8');
  if (migrationsList.lockfile.content === null) await writeFile(join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT, 'utf8');
  const shown = relative(process.cwd(), file);
  console.log(`created ${shown.startsWith('..') ? file : shown}`);
  return 0;
});
