import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A scripted Soisy over a real socket, for the gateway's unit specs: it records what the gateway
 * sent and answers, drops or stalls as told. (The full emulator lives in src/emulator.)
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type ScriptedReply = { status: number; body?: unknown; delayMs?: number } | { drop: true } | { hang: true };

export class FakeSoisyServer {
  readonly requests: RecordedRequest[] = [];
  /** Every TCP connection the gateway opened, in order (closed ones included). */
  readonly sockets: Socket[] = [];
  private script: ScriptedReply[] = [{ status: 200, body: {} }];

  private constructor(private readonly server: Server) {}

  static async start(port = 0): Promise<FakeSoisyServer> {
    const server = createServer();
    const fake = new FakeSoisyServer(server);
    server.on('connection', (socket: Socket) => fake.sockets.push(socket));
    server.on('request', (request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://fake');
        fake.requests.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams, headers: request.headers, body: raw ? JSON.parse(raw) : undefined });
        // Each reply is used once, in order; the last one repeats.
        const reply = fake.script.length > 1 ? fake.script.shift()! : fake.script[0];
        if ('drop' in reply) return request.socket.destroy();
        if ('hang' in reply) return;
        setTimeout(() => {
          response.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
          response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /**
   * Closes every open connection now, as Soisy does with idle ones: `reset` sends a TCP RST
   * (SO_LINGER 0), otherwise a FIN. The kernel has told the gateway's side when this returns.
   */
  closeConnections(how: 'fin' | 'reset'): void {
    for (const socket of this.sockets) {
      if (socket.destroyed) continue;
      if (how === 'reset') socket.resetAndDestroy();
      else socket.destroy();
    }
  }

  reply(...replies: ScriptedReply[]): this {
    this.script = replies;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port on which nothing listens, so a connection to it is refused. */
export async function refusedPort(): Promise<number> {
  const fake = await FakeSoisyServer.start();
  const port = fake.port;
  await fake.stop();
  return port;
}

/** A TCP server that accepts connections and never says a word: a TLS handshake with it never ends. */
export async function silentServer(): Promise<{ port: number; connections: () => number; stop: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => sockets.length,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
