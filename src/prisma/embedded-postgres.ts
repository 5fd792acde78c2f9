import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL compiled to WebAssembly (PGlite), kept on disk under `dataDir` and served on a unix
 * socket there, so the same `pg` / `@prisma/adapter-pg` code reaches it as it reaches a real server.
 * It lets `npm start` run with no database server; production sets DATABASE_URL instead.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly connectionString: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const root = resolve(dataDir);
    await mkdir(root, { recursive: true });
    const db = await PGlite.create(`${root}/pgdata`);
    // pg looks for `<host>/.s.PGSQL.<port>`; a socket left by a killed process would block listen().
    const socketPath = `${root}/.s.PGSQL.5432`;
    await rm(socketPath, { force: true });
    // One connection only: with several, pglite-socket interleaves their protocol messages (one
    // connection's Execute can run another's prepared statement), so answers get mixed up. Further
    // connections wait in the server's queue until the first closes.
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
    await server.start();
    const connectionString = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(root)}`;
    return new EmbeddedPostgres(db, server, connectionString);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
