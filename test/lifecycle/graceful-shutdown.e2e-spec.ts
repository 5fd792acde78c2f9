import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startEmulator, type LoggedCall, type Order as EmulatorOrder, type RunningEmulator } from '../../src/emulator/index.js';
import { approvalBody, loanRequestBody, orderBody, waitUntil } from '../checkout/support/checkout.js';
import { createTestDatabase, query, type TestDatabase } from '../support/database.js';
import { jsonOf } from '../support/json.js';
import { runNode, waitFor200, type ServiceProcess } from '../support/process.js';
import { ADMIN_KEY, freePort } from '../support/stack.js';

const IN_FLIGHT = 10;
/** How long "Soisy" holds each create order's answer, after creating it: the window the drain must cover. */
const SOISY_DELAY_MS = 4_000;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** One request on a connection of its own (no pooled keep-alive socket), answered as JSON. */
function send(url: string, method: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders = { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers };
    const req = httpRequest(url, { method, agent: false, headers: allHeaders, signal }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** SIGTERM under load, as an orchestrator stops a replica during a rolling deploy. */
describe('a graceful shutdown', () => {
  let emulator: RunningEmulator;
  let db: TestDatabase;
  let service: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    db = await createTestDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    service = runNode('dist/main.js', {
      DATABASE_URL: db.url,
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      SOISY_BASE_URL: emulator.apiUrl,
      SOISY_AUTH_TOKEN: 'partnerkey',
      ADMIN_API_KEYS: ADMIN_KEY,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_SECONDS: '20',
      // Far beyond the test: an idle keep-alive socket must not hold the shutdown until it times out.
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '600000',
    });
    // Generous: a loaded 2-core machine can take half a minute to boot the service.
    await waitFor200(`${url}/health/ready`, 60_000);
  }, 90_000);

  afterAll(async () => {
    await service.stop();
    await emulator.close();
    await db.drop();
  });

  /** An order approved through the API, ready to be released (match-trigger). */
  async function approvedOrder(): Promise<string> {
    const created = await send(`${url}/v1/orders`, 'POST', orderBody());
    const token = String(created.body.token);
    expect((await send(`${url}/v1/orders/${token}/loan-request`, 'POST', loanRequestBody())).status).toBe(201);
    expect((await send(`${url}/v1/orders/${token}/approval`, 'POST', approvalBody())).body.status).toBe('approved');
    return token;
  }

  async function holdSoisyAnswers(path: string, times: number, ms = SOISY_DELAY_MS): Promise<void> {
    const fault = { method: 'POST', path, times, fault: { type: 'delay', ms }, afterProcessing: true };
    const res = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
    expect(res.status).toBe(201);
  }

  async function soisyReceived(path: RegExp): Promise<number> {
    const calls = await jsonOf<LoggedCall[]>(fetch(`${emulator.url}/__emulator/requests`));
    return calls.filter((call) => call.method === 'POST' && path.test(call.path)).length;
  }

  it('finishes every in-flight request (even one whose client left), refuses new ones with 503, and exits 0 with no pending order', async () => {
    const releasable = await approvedOrder();
    const requestable = String((await send(`${url}/v1/orders`, 'POST', orderBody())).body.token);
    await holdSoisyAnswers('/shops/partnershop/orders', IN_FLIGHT);
    await holdSoisyAnswers('/shops/partnershop/orders/*/match-trigger', 1);
    await holdSoisyAnswers('/shops/partnershop/requests', 1, 2 * SOISY_DELAY_MS);
    let settled = 0;
    const creations = Array.from({ length: IN_FLIGHT }, () => send(`${url}/v1/orders`, 'POST', orderBody()).finally(() => (settled += 1)));
    const release = send(`${url}/v1/orders/${releasable}/release`, 'POST', {}, { authorization: `Bearer ${ADMIN_KEY}` }).finally(() => (settled += 1));
    // A loan request whose client hangs up once it is under way, and that outlasts the others: its
    // handler must still finish its work before the Soisy agents and the database close.
    const hangUp = new AbortController();
    const abandoned = send(`${url}/v1/orders/${requestable}/loan-request`, 'POST', loanRequestBody(), {}, hangUp.signal).catch((error: Error) => error.name);
    // Every call has reached "Soisy", which has acted on it and holds the answer back.
    await waitUntil('Soisy has received every create order, the match-trigger and the loan request', async () =>
      (await soisyReceived(/^\/shops\/partnershop\/orders$/)) === IN_FLIGHT + 2 &&
      (await soisyReceived(/match-trigger$/)) === 1 &&
      (await soisyReceived(/^\/shops\/partnershop\/requests$/)) === 2);
    hangUp.abort();
    expect(await abandoned).toBe('AbortError');
    // A client's keep-alive connection, answered once and then left idle.
    const idle = connect(Number(new URL(url).port), '127.0.0.1');
    const idleClosed = once(idle, 'close');
    idle.on('error', () => undefined);
    idle.write('GET /health/live HTTP/1.1\r\nHost: shop\r\nConnection: keep-alive\r\n\r\n');
    await once(idle, 'data');
    const exited = once(service.child, 'exit');

    service.child.kill('SIGTERM');

    await waitUntil('readiness turns 503', async () => (await send(`${url}/health/ready`, 'GET')).status === 503);
    expect((await send(`${url}/health/live`, 'GET')).status).toBe(200);
    const refused = await send(`${url}/v1/orders`, 'POST', orderBody());
    // Both while the requests in flight are still waiting on Soisy: the drain is under way.
    expect(settled).toBe(0);
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers.connection).toBe('close');
    expect(refused.body).toMatchObject({ status: 503, code: 'SERVICE.SHUTTING_DOWN' });

    const answers = await Promise.all(creations);
    expect(answers.map((answer) => answer.status)).toEqual(Array(IN_FLIGHT).fill(201));
    expect(await release).toMatchObject({ status: 200, body: { release: { status: 'released' } } });
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await idleClosed;

    const rows = await query<{ status: string; token: string | null; releaseStatus: string | null }>(db.url, 'SELECT status, token, "releaseStatus" FROM orders');
    expect(rows).toHaveLength(IN_FLIGHT + 2);
    expect(rows.filter((row) => row.status === 'pending' || row.token === null)).toEqual([]);
    expect(rows.find((row) => row.token === releasable)?.releaseStatus).toBe('released');
    expect(rows.find((row) => row.token === requestable)?.status).toBe('requested');
    // Every order Soisy created is linked to exactly one local order.
    const soisyOrders = await jsonOf<EmulatorOrder[]>(fetch(`${emulator.url}/__emulator/orders`));
    expect(soisyOrders).toHaveLength(IN_FLIGHT + 2);
    expect(new Set(rows.map((row) => row.token))).toEqual(new Set(soisyOrders.map((order) => order.token)));
    expect(service.output()).not.toMatch(/"level":50/);
  }, 60_000);
});
