import { connect, createServer, type Server, type Socket } from 'node:net';

export interface PgRoundTripCounter {
  /** Where clients connect: 127.0.0.1 and this port. */
  port: number;
  /** Round trips since the last reset: the client's Sync and simple Query messages, each answered by one ReadyForQuery. */
  roundTrips(): number;
  /** The SQL texts parsed or queried since the last reset, in order (to say what the round trips were). */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/**
 * A TCP forwarder to PostgreSQL that reads the client's side of the wire protocol and counts the
 * messages that make the client wait for the server: `Sync` (the end of an extended-protocol
 * query: Parse/Bind/Execute are sent with it in one write) and `Query` (simple protocol, e.g.
 * BEGIN/COMMIT). Connection start-up is not counted. Nothing is changed in transit.
 */
export async function startPgRoundTripCounter(targetPort = 5432, targetHost = '127.0.0.1'): Promise<PgRoundTripCounter> {
  const open = new Set<Socket>();
  let count = 0;
  let texts: string[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => open.delete(socket));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.pipe(client);
    let buffered = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (!started) {
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) return;
          const code = buffered.readInt32BE(4);
          started = code !== SSL_REQUEST && code !== GSS_REQUEST;
          buffered = buffered.subarray(length);
          continue;
        }
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) return;
        const type = String.fromCharCode(buffered[0]!);
        const body = buffered.subarray(5, 1 + length);
        if (type === 'S' || type === 'Q') count += 1;
        if (type === 'Q') texts.push(body.toString('utf8', 0, body.length - 1));
        if (type === 'P') texts.push(body.toString('utf8', body.indexOf(0) + 1, body.indexOf(0, body.indexOf(0) + 1)));
        buffered = buffered.subarray(1 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    roundTrips: () => count,
    statements: () => [...texts],
    reset: () => {
      count = 0;
      texts = [];
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
