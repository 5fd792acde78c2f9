import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import request from 'supertest';
import { selfSignedIdentity } from '../../src/emulator/tls.js';
import { startStack, type Stack } from '../support/stack.js';
import { injectFault, orderBody } from './support/checkout.js';

/**
 * The service and Soisy (the emulator in HTTPS mode, its self-signed certificate trusted through
 * SOISY_CA_FILE) on kept-alive connections, counted on Soisy's side. This test's own calls to the
 * emulator's control API trust the certificate through Node's default store.
 */
describe('Create order over HTTPS on kept-alive connections', () => {
  let stack: Stack;
  let certDir: string;
  const defaultCertificates = getCACertificates('default');

  beforeAll(async () => {
    const identity = await selfSignedIdentity('127.0.0.1');
    setDefaultCACertificates([...defaultCertificates, identity.cert]);
    certDir = mkdtempSync(join(tmpdir(), 'soisy-ca-'));
    writeFileSync(join(certDir, 'emulator.pem'), identity.cert);
    stack = await startStack({ SOISY_CA_FILE: join(certDir, 'emulator.pem') }, { tls: identity });
  });
  afterAll(async () => {
    await stack.close();
    setDefaultCACertificates(defaultCertificates);
    rmSync(certDir, { recursive: true, force: true });
  });

  const control = async (path: string, method = 'GET') => (await fetch(`${stack.emulator.url}/__emulator/${path}`, { method })).json();
  const soisyOrdersFor = async (reference: unknown) => ((await control('orders')) as Array<{ orderReference: string }>).filter((order) => order.orderReference === reference);
  const createOrderCallsFor = async (reference: unknown) =>
    (await stack.soisyCalls()).filter((call) => call.method === 'POST' && /\/orders$/.test(call.path) && (call.body as { orderReference?: string })?.orderReference === reference);

  it('talks HTTPS to Soisy and serves many create orders over one or two connections', async () => {
    expect(stack.emulator.apiUrl).toMatch(/^https:/);
    await control('connections', 'DELETE');
    const references: unknown[] = [];
    for (let order = 0; order < 10; order++) {
      const body = orderBody();
      references.push(body.orderReference);
      await request(stack.url).post('/v1/orders').send(body).expect(201);
    }
    // undici's pool opens a second connection for the call right after its very first one.
    const { api } = (await control('connections')) as { api: number };
    expect(api).toBeGreaterThanOrEqual(1);
    expect(api).toBeLessThanOrEqual(2);
    for (const reference of references) expect(await soisyOrdersFor(reference)).toHaveLength(1);
  });

  it('creates the order once, on a new connection, after Soisy closed the idle ones', async () => {
    await request(stack.url).post('/v1/orders').send(orderBody()).expect(201);
    const before = (await control('connections/close-idle', 'POST')) as { opened: number };
    const body = orderBody();
    await request(stack.url).post('/v1/orders').send(body).expect(201);
    expect(await soisyOrdersFor(body.orderReference)).toHaveLength(1);
    expect(await createOrderCallsFor(body.orderReference)).toHaveLength(1);
    expect(((await control('connections')) as { opened: number }).opened).toBeGreaterThan(before.opened);
  });

  it('leaves a create order cut on a reused connection pending, never sending it twice', async () => {
    await request(stack.url).post('/v1/orders').send(orderBody()).expect(201);
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'drop' } });
    const body = orderBody();
    const res = await request(stack.url).post('/v1/orders').send(body);
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'SOISY.UNREACHABLE', orderStatus: 'pending' });
    expect(await createOrderCallsFor(body.orderReference)).toHaveLength(1);
    expect(await soisyOrdersFor(body.orderReference)).toHaveLength(0);
  });
});
