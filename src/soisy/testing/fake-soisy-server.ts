import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export type ScriptedReply = { status: number; body?: unknown } | { drop: true } | { hang: true };

export class FakeSoisyServer {
  readonly requests: RecordedRequest[] = [];
  private script: ScriptedReply[] = [{ status: 200, body: {} }];

  private constructor(private readonly server: Server) {}

  static async start(port = 0): Promise<FakeSoisyServer> {
    const server = createServer();
    const fake = new FakeSoisyServer(server);
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
        response.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
        response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
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
