import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** Where clients connect: 127.0.0.1 and this port. */
  port: number;
  /** An outage: open connections are dropped and new ones are accepted, then closed at once. */
  cut(): void;
  /** A server that hangs: open connections are dropped and new ones are accepted but never answered. */
  blackhole(): void;
  /** The target is reachable again through the same port. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP forwarder the test controls, between the service and a server (PostgreSQL): a database
 * outage without restarting the shared server. The port stays bound during an outage, so nothing
 * else can take it before `restore()`.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let mode: 'up' | 'cut' | 'blackhole' = 'up';
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => open.delete(socket));
  };
  const dropAll = () => {
    for (const socket of open) socket.destroy();
  };
  const server: Server = createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    track(client);
    if (mode === 'blackhole') return;
    const upstream = connect(targetPort, targetHost);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut: () => {
      mode = 'cut';
      dropAll();
    },
    blackhole: () => {
      mode = 'blackhole';
      dropAll();
    },
    restore: () => {
      // Connections held while in a blackhole were never forwarded: end them, as a restarted server would.
      if (mode === 'blackhole') dropAll();
      mode = 'up';
    },
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
