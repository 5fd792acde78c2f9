import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** Where clients connect: 127.0.0.1 and this port. */
  port: number;
  /** An outage: open connections are dropped and new ones are accepted, then closed at once. */
  cut(): void;
  /** The target is reachable again through the same port. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP forwarder the test controls, between the service and a server (PostgreSQL): a database
 * outage without restarting the shared server. The port stays bound during a cut, so nothing else
 * can take it before `restore()`.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut: () => {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore: () => {
      down = false;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
