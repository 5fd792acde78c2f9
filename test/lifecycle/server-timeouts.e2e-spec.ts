import { connect, type Socket } from 'node:net';
import { startStack, type Stack } from '../support/stack.js';

/** A raw connection to the service, recording everything it answers until it closes. */
async function openSocket(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed };
}

/** Writes one byte at a time, every `everyMs`, until the socket closes (a slowloris client). */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= text.length) return void clearInterval(timer);
    socket.write(text[sent]);
    sent += 1;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

function parseAnswer(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head: head.toLowerCase(), body: JSON.parse(body) };
}

describe('the HTTP server against slow and idle clients', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      SCHEDULER_ENABLED: 'false',
      HTTP_REQUEST_TIMEOUT_MS: '1500',
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
    });
  });
  afterAll(() => stack.close());

  it('cuts a request body trickled one byte at a time with 408 problem+json, and closes the socket', async () => {
    const client = await openSocket(stack.url);
    const body = JSON.stringify({ amount: 100000, instalments: 12, orderReference: 'ORD-SLOW' });
    client.socket.write(
      `POST /v1/orders HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    trickle(client.socket, body, 100);
    await client.closed;
    const answer = parseAnswer(client.received());
    expect(answer.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer.head).toContain('content-type: application/problem+json');
    expect(answer.head).toContain('connection: close');
    expect(answer.body).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT', type: 'urn:soisy-bff:problem:request.timeout' });
  });

  it('cuts request headers trickled one byte at a time the same way', async () => {
    const client = await openSocket(stack.url);
    trickle(client.socket, 'GET /health/live HTTP/1.1\r\nHost: shop\r\nX-Padding: ' + 'a'.repeat(100) + '\r\n\r\n', 50);
    await client.closed;
    expect(parseAnswer(client.received())).toMatchObject({ statusLine: 'HTTP/1.1 408 Request Timeout', body: { code: 'REQUEST.TIMEOUT' } });
  });

  it('closes a keep-alive connection left idle after its answer', async () => {
    const client = await openSocket(stack.url);
    client.socket.write('GET /health/live HTTP/1.1\r\nHost: shop\r\nConnection: keep-alive\r\n\r\n');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK/);
  });
});
