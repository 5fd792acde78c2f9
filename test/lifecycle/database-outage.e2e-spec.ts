import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/create-app.js';
import { orderBody } from '../checkout/support/checkout.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ADMIN_KEY, freePort } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * PostgreSQL becomes unreachable while the service runs (a restart, a failover, a network cut),
 * simulated by a TCP proxy between the service and the shared server, which is never restarted.
 */
describe('a database outage', () => {
  let emulator: RunningEmulator;
  let db: TestDatabase;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let url: string;
  let token: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    db = await createTestDatabase();
    proxy = await startTcpProxy(Number(new URL(db.url).port || 5432), new URL(db.url).hostname);
    const throughProxy = new URL(db.url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: throughProxy.toString(),
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      SOISY_BASE_URL: emulator.apiUrl,
      SOISY_AUTH_TOKEN: 'partnerkey',
      ADMIN_API_KEYS: ADMIN_KEY,
      SCHEDULER_ENABLED: 'false',
    });
    app = await createApp(config);
    await app.listen({ port, host: '127.0.0.1' });
    token = (await request(url).post('/v1/orders').send(orderBody()).expect(201)).body.token;
  });

  afterAll(async () => {
    proxy.restore();
    await app.close();
    await proxy.close();
    await emulator.close();
    await db.drop();
  });

  const databaseRoutes = () => [
    ['read one order', request(url).get(`/v1/orders/${token}`)],
    ['list orders', request(url).get('/v1/orders').set('authorization', `Bearer ${ADMIN_KEY}`)],
    ['create an order', request(url).post('/v1/orders').send(orderBody())],
  ] as const;

  it('answers 503 problem+json DATABASE.UNAVAILABLE with Retry-After on database routes, never a 500', async () => {
    proxy.cut();
    // Twice over: first on the pooled connections the cut dropped, then on refused new ones.
    for (let round = 0; round < 2; round += 1) {
      for (const [, pending] of databaseRoutes()) {
        const res = await pending;
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.body).toMatchObject({ status: 503, code: 'DATABASE.UNAVAILABLE', type: 'urn:soisy-bff:problem:database.unavailable' });
        // Nothing about where the database is or how to log in to it.
        expect(JSON.stringify(res.body)).not.toMatch(/postgres|127\.0\.0\.1|5432|soisy_test/i);
      }
    }
    expect((await request(url).get('/health/ready')).status).toBe(503);
    expect((await request(url).get('/health/live')).status).toBe(200);
  });

  it('answers 503 too when the database accepts connections but never answers, once the connect timeout passes', async () => {
    proxy.blackhole();
    const res = await request(url).get(`/v1/orders/${token}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.code).toBe('DATABASE.UNAVAILABLE');
  });

  it('recovers fully once the database is back, with nothing to restart', async () => {
    proxy.restore();
    await request(url).get('/health/ready').expect(200);
    await request(url).get(`/v1/orders/${token}`).expect(200);
    await request(url).get('/v1/orders').set('authorization', `Bearer ${ADMIN_KEY}`).expect(200);
    const created = await request(url).post('/v1/orders').send(orderBody()).expect(201);
    await request(url).get(`/v1/orders/${created.body.token}`).expect(200);
  });
});
