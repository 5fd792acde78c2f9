import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { signatureHeaders } from '../../src/merchant-events/webhook-signature.js';
import request from 'supertest';
import { ADMIN_KEY, freePort } from '../support/stack.js';
import { createdOrder, deliverDue, newSecret, startEventsApp, type EventsApp } from './support/events-app.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The receiver of README § Merchant events, exactly as printed there (the block after its marker). */
function readmeVerifier(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- merchant-events-verifier -->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no merchant-events-verifier block');
  return match[1];
}

/** Resolves once something accepts connections on the port (the snippet prints nothing when ready). */
async function listening(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the README receiver exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).once('error', () => resolve(false));
      socket.once('connect', () => socket.end());
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('README: receiving and verifying merchant events', () => {
  const merchantSecret = newSecret();
  const retiringSecret = newSecret();
  let receiver: ChildProcess;
  let output = '';
  let url: string;
  let file: string;
  let sut: EventsApp;

  beforeAll(async () => {
    const dir = join(ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    file = join(dir, `readme-verifier-${process.pid}.mjs`);
    writeFileSync(file, readmeVerifier());
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    receiver = spawn(process.execPath, [file], { env: { PATH: process.env.PATH, SOISY_EVENTS_SECRET: merchantSecret, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    receiver.stdout!.on('data', (chunk) => (output += chunk));
    await listening(port, receiver);
    // Mid-rotation: soisy-bff signs with the retiring secret and the merchant's new one.
    sut = await startEventsApp({ MERCHANT_EVENTS_ENDPOINT_1_URL: url, MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${retiringSecret},${merchantSecret}` });
  });

  afterAll(async () => {
    receiver?.kill();
    await sut?.close();
    if (file) rmSync(file, { force: true });
  });

  const post = (headers: Record<string, string>, body: string) => fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });

  it('accepts what the service sends, signed during a secret rotation, and handles it once', async () => {
    const order = { token: await createdOrder(sut) };
    expect(await deliverDue(sut.app)).toMatchObject({ delivered: 1, retried: 0 });
    const line = `order.created ${order.token} created`;
    expect(output).toContain(line);

    const [event] = (await request(sut.app.getHttpServer()).get(`/v1/events?orderToken=${order.token}`).set('authorization', `Bearer ${ADMIN_KEY}`).expect(200)).body.items;
    await request(sut.app.getHttpServer()).post(`/v1/events/${event.id}/resend`).set('authorization', `Bearer ${ADMIN_KEY}`).expect(202);
    expect(await deliverDue(sut.app)).toMatchObject({ delivered: 1 });
    expect(output.split(line).length - 1).toBe(1);
  });

  it('rejects a tampered body, an old timestamp, and a signature made with another secret', async () => {
    const id = crypto.randomUUID();
    const body = JSON.stringify({ id, type: 'order.approved', createdAt: new Date().toISOString(), data: { token: 'abc', status: 'approved', amount: 100000 } });
    expect((await post(signatureHeaders([merchantSecret], id, new Date(), body), body)).status).toBe(204);

    const tampered = body.replace('100000', '1000000');
    expect((await post(signatureHeaders([merchantSecret], id, new Date(), body), tampered)).status).toBe(400);
    expect((await post(signatureHeaders([merchantSecret], id, new Date(Date.now() - 10 * 60_000), body), body)).status).toBe(400);
    expect((await post(signatureHeaders([newSecret()], id, new Date(), body), body)).status).toBe(400);
    expect((await post({ ...signatureHeaders([merchantSecret], id, new Date(), body), 'webhook-id': crypto.randomUUID() }, body)).status).toBe(400);
  });
});
