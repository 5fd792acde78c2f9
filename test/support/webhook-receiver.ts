import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One POST as a merchant's endpoint saw it. */
export interface ReceivedEvent {
  /** The `webhook-id` header (the event id). */
  id: string;
  timestamp: string;
  signature: string;
  /** The raw body, exactly as sent. */
  body: string;
  /** The body parsed: `{id, type, createdAt, data}`. */
  event: { id: string; type: string; createdAt: string; data: { token: string; status: string; [key: string]: unknown } };
  headers: IncomingMessage['headers'];
  /** What the receiver answered: an HTTP status, or `hang` (no answer). */
  answer: number | 'hang';
}

/** How the receiver answers one POST: a status code, or `hang` to never answer (the sender times out). */
export type Answer = number | 'hang';

/**
 * A merchant's endpoint on loopback: records every POST and answers as told (`answerWith`), can be
 * taken down (`down()`, connections refused) and brought back on the same URL (`up()`).
 * `accepted()` is what a merchant would have processed: the POSTs it answered with a 2xx.
 */
export class WebhookReceiver {
  readonly received: ReceivedEvent[] = [];
  private answer: (event: ReceivedEvent) => Answer = () => 204;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private port: number) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0);
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/events`;
  }

  /** From now on, answer each POST as `answer` says (a fixed status, or per event). */
  answerWith(answer: Answer | ((event: ReceivedEvent) => Answer)): void {
    this.answer = typeof answer === 'function' ? answer : () => answer;
  }

  accepted(): ReceivedEvent[] {
    return this.received.filter((post) => typeof post.answer === 'number' && post.answer >= 200 && post.answer < 300);
  }

  /** The accepted events' types for one order, in arrival order. */
  typesFor(orderToken: string): string[] {
    return this.accepted().filter((post) => post.event.data.token === orderToken).map((post) => post.event.type);
  }

  /** Listens (again, on the same port after `down()`); does nothing when already up. */
  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection: the next POST is refused. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  close(): Promise<void> {
    return this.down();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const header = (name: string) => String(req.headers[name] ?? '');
    const post: ReceivedEvent = {
      id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'),
      body, event: JSON.parse(body), headers: req.headers, answer: 204,
    };
    post.answer = this.answer(post);
    this.received.push(post);
    if (post.answer === 'hang') {
      this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res));
      return;
    }
    res.writeHead(post.answer).end();
  }
}

/**
 * True when one of the POST's signatures is the HMAC of its id, timestamp and body under `secret`
 * (the Standard Webhooks scheme), whatever the time now: tests that move a fake clock days ahead
 * still check every signature, and the README's verifier test checks the tolerance window.
 */
export function signedWith(post: ReceivedEvent, secret: string): boolean {
  const expected = new Webhook(secret).sign(post.id, new Date(Number(post.timestamp) * 1000), post.body);
  return post.signature.split(' ').includes(expected) && post.event.id === post.id;
}
