// A fresh, empty in-memory PGlite, fast. `PGlite.create()` runs initdb every time (4-6 s here);
// `PGlite.create({ loadDataDir })` from a dump of a just-initialised instance takes ~1 s. The dump
// is cached in the OS temp directory, keyed by PGlite's version, and rebuilt when missing or
// unreadable. It never contains anything but what initdb produced.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** PGlite's version, read from its package.json (the package does not export that file). */
async function pgliteVersion() {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (;;) {
    const pkg = await readFile(join(dir, 'package.json'), 'utf8').then(JSON.parse, () => null);
    if (pkg?.name === '@electric-sql/pglite') return pkg.version;
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** @returns {Promise<import('@electric-sql/pglite').PGlite>} */
export async function createFreshPglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const version = await pgliteVersion();
  const cacheFile = join(tmpdir(), `soisy-bff-pglite-${version}-${userInfo().uid}.tar.gz`);
  if (version !== 'unknown' && !process.env.MIGRATE_NO_PGLITE_CACHE) {
    const cached = await readFile(cacheFile).catch(() => null);
    if (cached) {
      try {
        return await PGlite.create({ loadDataDir: new Blob([cached]) });
      } catch {
        await rm(cacheFile, { force: true }); // unreadable: rebuild below
      }
    }
  }
  const db = await PGlite.create();
  if (version !== 'unknown' && !process.env.MIGRATE_NO_PGLITE_CACHE) {
    try {
      const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
      // Write then rename, so a concurrent run never reads half a file.
      const partial = `${cacheFile}.${process.pid}.partial`;
      await writeFile(partial, dump);
      await rename(partial, cacheFile);
    } catch {
      // Caching is only an optimisation.
    }
  }
  return db;
}
