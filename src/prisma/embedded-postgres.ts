import { mkdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL compiled to WebAssembly (PGlite), kept on disk under `dataDir` and served on a unix
 * socket there, so the same `pg` / `@prisma/adapter-pg` code reaches it as it reaches a real server.
 * It lets `npm start` run with no database server; production sets DATABASE_URL instead.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly bridge: WireBridge,
    readonly connectionString: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const root = resolve(dataDir);
    await mkdir(root, { recursive: true });
    const db = await PGlite.create(`${root}/pgdata`);
    // pg looks for `<host>/.s.PGSQL.<port>`; a socket left by a killed process would block listen().
    const socketPath = `${root}/.s.PGSQL.5432`;
    await rm(socketPath, { force: true });
    const bridge = await WireBridge.listen(db, socketPath);
    const connectionString = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(root)}`;
    return new EmbeddedPostgres(db, bridge, connectionString);
  }

  async stop(): Promise<void> {
    await this.bridge.close();
    await this.db.close();
  }
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

/**
 * The PostgreSQL wire protocol between a unix socket and PGlite, one connection at a time (PGlite
 * is one session: two clients' transactions would mix); further connections wait their turn.
 *
 * Our own, not @electric-sql/pglite-socket: that one hands PGlite one protocol message at a time
 * (a query is five: Parse, Bind, Describe, Execute, Sync) and writes every chunk PGlite answers as
 * a socket write of its own, ~10 syscalls and 5 entries into WebAssembly per query; the profile
 * of create order on the embedded database put ~0.9 ms per order there (README "Benchmark").
 * Here every complete message a read brought goes to PGlite in one call (it runs them in order,
 * as a server would), and its whole answer goes back in one write.
 */
class WireBridge {
  private readonly waiting: Socket[] = [];
  private active?: Socket;
  /** The current connection's work, in order: batches of messages, then the clean-up at its close. */
  private work: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: PGlite,
    private readonly server: Server,
  ) {}

  static async listen(db: PGlite, path: string): Promise<WireBridge> {
    const server = createServer();
    const bridge = new WireBridge(db, server);
    server.on('connection', (socket) => bridge.accept(socket));
    await new Promise<void>((done, fail) => server.once('error', fail).listen(path, () => done()));
    return bridge;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    for (const socket of [...this.waiting, this.active]) socket?.destroy();
    this.waiting.length = 0;
    await closed;
    await this.work;
  }

  private accept(socket: Socket): void {
    socket.on('error', () => socket.destroy());
    if (this.active) {
      socket.pause();
      this.waiting.push(socket);
      socket.once('close', () => this.waiting.splice(this.waiting.indexOf(socket) >>> 0, 1));
      return;
    }
    this.serve(socket);
  }

  private serve(socket: Socket): void {
    this.active = socket;
    socket.setNoDelay(true);
    let buffered = Buffer.alloc(0);
    let started = false;
    socket.on('data', (data) => {
      buffered = buffered.length === 0 ? data : Buffer.concat([buffered, data]);
      // Before the session starts, messages carry no type byte: SSLRequest, CancelRequest, StartupMessage.
      while (!started && buffered.length >= 8 && buffered.length >= buffered.readInt32BE(0)) {
        const length = buffered.readInt32BE(0);
        const code = buffered.readInt32BE(4);
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (code === SSL_REQUEST) socket.write('N'); // no TLS on a local socket: go on in plain text
        else if (code === CANCEL_REQUEST) socket.destroy(); // PGlite has no other backend to cancel
        else {
          started = true;
          this.run(socket, message);
        }
      }
      if (!started) return;
      // Then: type byte, int32 length (counting itself), body. Every complete one goes in one batch.
      let end = 0;
      while (buffered.length >= end + 5 && buffered.length >= end + 1 + buffered.readInt32BE(end + 1)) end += 1 + buffered.readInt32BE(end + 1);
      if (end === 0) return;
      // A copy of its own: the socket's buffer must not change under PGlite while the batch waits its turn.
      this.run(socket, new Uint8Array(buffered.subarray(0, end)));
      buffered = buffered.subarray(end);
    });
    socket.once('close', () => {
      this.work = this.work.then(() => this.endSession()).finally(() => this.next());
    });
  }

  /** Runs `messages` after the connection's earlier ones; PGlite's whole answer goes back in one write. */
  private run(socket: Socket, messages: Uint8Array): void {
    this.work = this.work.then(async () => {
      if (socket.destroyed) return;
      const answer: Buffer[] = [];
      try {
        // Each chunk copied as it comes: PGlite reuses the memory it points into for the next one.
        await this.db.runExclusive(() => this.db.execProtocolRawStream(messages, { onRawData: (chunk) => answer.push(Buffer.from(chunk)) }));
      } catch {
        socket.destroy();
        return;
      }
      if (answer.length > 0 && socket.writable) socket.write(answer.length === 1 ? answer[0] : Buffer.concat(answer));
    });
  }

  /** A client gone mid-transaction leaves it to be rolled back, as a server does for a lost backend. */
  private async endSession(): Promise<void> {
    if (this.db.closed) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {});
  }

  private next(): void {
    this.active = undefined;
    const socket = this.waiting.shift();
    if (!socket) return;
    this.serve(socket);
    socket.resume();
  }
}
