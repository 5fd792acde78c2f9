import { once } from 'node:events';
import type { CreatedOrderDto } from '../src/checkout/dto/created-order.dto.js';
import { startEmulator, type CallbackRecord, type LoggedCall, type Order as EmulatorOrder, type RunningEmulator } from '../src/emulator/index.js';
import { orderBody, waitUntil } from './checkout/support/checkout.js';
import { localOrder, soisyOrdersWithReference } from './checkout/support/recovery.js';
import { createTestDatabase, query, type TestDatabase } from './support/database.js';
import { jsonOf } from './support/json.js';
import { runNode, waitFor200, type ServiceProcess } from './support/process.js';
import { freePort } from './support/stack.js';

/**
 * The built service as its own process, killed with SIGKILL at the moment that used to lose work,
 * then restarted on the same database, port and Soisy (the emulator): nothing is lost or doubled.
 */
describe('the service killed mid-work', () => {
  let emulator: RunningEmulator;
  let db: TestDatabase;
  let env: Record<string, string>;
  let base: string;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: db.url, PORT: String(port), PUBLIC_BASE_URL: base, SOISY_BASE_URL: emulator.apiUrl, SOISY_AUTH_TOKEN: 'partnerkey',
      // A Soisy call then ends within 3 × (0.2 + 3) + 2 × 1 = 11.6 s: what recovery waits for before deciding.
      SOISY_TIMEOUT_MS: '3000', SOISY_CONNECT_TIMEOUT_MS: '200', RECOVERY_INTERVAL_SECONDS: '1', PENDING_ABSENT_AFTER_SECONDS: '1', LOG_LEVEL: 'warn',
    };
  });
  afterEach(async () => {
    await service?.stop();
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
  });
  afterAll(async () => {
    await emulator.close();
    await db.drop();
  });

  async function start(): Promise<void> {
    service = runNode('dist/main.js', env);
    await waitFor200(`${base}/health/ready`);
  }

  async function kill(): Promise<void> {
    const exited = once(service!.child, 'exit');
    service!.child.kill('SIGKILL');
    await exited;
  }

  const emulatorControl = (path: string, body?: object) =>
    fetch(`${emulator.url}/__emulator${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });

  it('after a kill while Soisy had created the order but the answer was not stored, adopts that order once and replays it to the retry', async () => {
    await start();
    const body = orderBody();
    const reference = body.orderReference as string;
    await emulatorControl('/faults', { method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'delay', ms: 8000 }, afterProcessing: true });
    const headers = { 'content-type': 'application/json', 'idempotency-key': `crash-${reference}` };
    void fetch(`${base}/v1/orders`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => undefined);
    await waitUntil('Soisy holds the order', async () => (await soisyOrdersWithReference(emulator.url, reference)).length === 1, 20_000);
    await kill();
    expect(await localOrder(db.url, reference)).toMatchObject({ status: 'pending', token: null });

    await start();
    await waitUntil('the recovery job adopted the order', async () => (await localOrder(db.url, reference))?.status === 'created', 30_000);
    const soisyOrders = await soisyOrdersWithReference(emulator.url, reference);
    expect(soisyOrders).toHaveLength(1);
    const row = (await localOrder(db.url, reference))!;
    expect(row.token).toBe(soisyOrders[0].token);

    const retry = await fetch(`${base}/v1/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await jsonOf<CreatedOrderDto>(retry)).token).toBe(row.token);
    expect(await soisyOrdersWithReference(emulator.url, reference)).toHaveLength(1);

    // Soisy's callbacks for the adopted order reach it: its callback secret is the one Soisy was given.
    await emulatorControl(`/orders/${row.token}/events`, { eventId: 'LoanWasApproved' });
    const delivered = await jsonOf<CallbackRecord[]>(emulatorControl('/callbacks/flush'));
    expect(delivered.filter((callback) => callback.orderToken === row.token).map((callback) => callback.responseStatus)).toEqual([200]);
    await waitUntil('the callback is confirmed', async () => (await localOrder(db.url, reference))?.status === 'approved', 20_000);
  }, 90_000);

  it('after a kill between answering a callback and confirming it, confirms it within seconds of the restart', async () => {
    await start();
    const body = orderBody();
    const created = await fetch(`${base}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = await jsonOf<CreatedOrderDto>(created);
    const getOrder = `/shops/partnershop/orders/${token}`;
    await emulatorControl('/faults', { method: 'GET', path: getOrder, fault: { type: 'delay', ms: 8000 }, times: 3 });
    await emulatorControl(`/orders/${token}/events`, { eventId: 'LoanWasApproved' });
    await waitUntil('the confirmation waits on Get order', async () => {
      const calls = await jsonOf<LoggedCall[]>(fetch(`${emulator.url}/__emulator/requests`));
      return calls.some((call) => call.method === 'GET' && call.path === getOrder && call.status === null);
    }, 20_000);
    await kill();
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    const [callback] = await query<{ confirmedAt: Date | null }>(db.url, 'SELECT "confirmedAt" FROM received_callbacks WHERE "orderToken" = $1', [token]);
    expect(callback.confirmedAt).toBeNull();
    expect((await localOrder(db.url, body.orderReference as string))!.status).toBe('created');

    await start();
    const restartedAt = Date.now();
    await waitUntil('the callback is confirmed', async () => (await localOrder(db.url, body.orderReference as string))?.status === 'approved', 30_000);
    // Reconciliation would have waited RECONCILE_AFTER_MINUTES (60); the lease of the dead confirmation is 11.6 s.
    expect(Date.now() - restartedAt).toBeLessThan(15_000);
    const [confirmed] = await query<{ confirmedAt: Date | null; events: string }>(
      db.url,
      `SELECT c."confirmedAt", (SELECT count(*) FROM order_events e WHERE e."orderId" = c."orderId" AND e.type = 'callback.LoanWasApproved') AS events
       FROM received_callbacks c WHERE c."orderToken" = $1`,
      [token],
    );
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(Number(confirmed.events)).toBe(1);
  }, 90_000);

  it('never leaves a reference with two Soisy orders, nor a Soisy order without exactly one local order', async () => {
    const orders = await jsonOf<EmulatorOrder[]>(fetch(`${emulator.url}/__emulator/orders`));
    expect(orders.length).toBeGreaterThan(0);
    expect(new Set(orders.map((order) => order.orderReference)).size).toBe(orders.length);
    const linked = await query<{ token: string }>(db.url, 'SELECT token FROM orders WHERE token = ANY($1)', [orders.map((order) => order.token)]);
    expect(linked).toHaveLength(orders.length);
  });
});
