import request from 'supertest';
import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { FakeClock, fireEvent, injectFault, startBackOfficeStack } from './support/back-office.js';
import { approvedOrder, createdOrder } from './support/checkout.js';

const MATCH_TRIGGER = '/shops/partnershop/orders/*/match-trigger';
const ANNA_KEY = 'anna-audit-key-9d4c2b7e1f8a';
const BARE_KEY = 'bare-audit-key-6a1f3c8e2d9b';
const asAnna = { authorization: `Bearer ${ANNA_KEY}` };
const asBare = { authorization: `Bearer ${BARE_KEY}` };

/**
 * The audit trail over real HTTP and PostgreSQL: every back-office action records the name of the
 * key that did it (never the key) on the order's events; the back office's list and history show
 * it; the storefront's view does not; the scheduler's, Soisy's and the storefront's events have none.
 */
describe('the audit trail of back-office actions', () => {
  let stack: Stack;
  let clock: FakeClock;
  const answers: string[] = [];
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ ADMIN_API_KEYS: `ops-anna:${ANNA_KEY},${BARE_KEY}` }));
  });
  afterAll(() => stack.close());

  /** A back-office call whose answer is kept, to be searched for the key afterwards. */
  async function act(method: 'get' | 'post', path: string, body?: object, headers = asAnna) {
    const call = request(stack.url)[method](path).set(headers);
    const res = method === 'post' ? await call.send(body ?? {}) : await call;
    answers.push(JSON.stringify({ headers: res.headers, body: res.body, text: res.text }));
    return res;
  }

  const eventsOf = (token: string) =>
    query<{ type: string; source: string; actor: string | null }>(stack.db.url,
      'SELECT e.type, e.source::text AS source, e.actor FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 ORDER BY e."createdAt", e.id', [token]);

  it('names the key on the events of release, scheduling, sync, resolution, cancellation and an on-demand reconciliation', async () => {
    const released = await approvedOrder(stack);
    await act('post', `/v1/orders/${released}/release`).then((res) => expect(res.status).toBe(200));

    const scheduled = await approvedOrder(stack);
    await act('post', `/v1/orders/${scheduled}/release`, { releaseAt: new Date(clock.now().getTime() + 60_000).toISOString() });
    clock.advance(60_000);
    await stack.app.get(ReleaseScheduler).runOnce();

    const synced = await approvedOrder(stack);
    await act('post', `/v1/orders/${synced}/sync`).then((res) => expect(res.status).toBe(200));

    const resolved = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 500 }, afterProcessing: true });
    await act('post', `/v1/orders/${resolved}/release`).then((res) => expect(res.status).toBe(502));
    await act('post', `/v1/orders/${resolved}/release/resolution`, { outcome: 'released', note: 'confirmed by Soisy' }).then((res) => expect(res.status).toBe(200));

    const cancelled = await createdOrder(stack);
    await act('post', `/v1/orders/${cancelled}/cancel`, { reason: 'customer changed their mind' }).then((res) => expect(res.status).toBe(200));

    const mismatched = await createdOrder(stack);
    await query(stack.db.url, 'UPDATE orders SET "amountCents" = 90000 WHERE token = $1', [mismatched]);
    await act('post', '/v1/reconciliation/runs').then((res) => expect(res.status).toBe(201));

    const byAnna = (token: string) => eventsOf(token).then((events) => events.filter((event) => event.actor === 'ops-anna').map((event) => event.type));
    expect(await byAnna(released)).toEqual(['release.attempt_started', 'release.succeeded']);
    expect(await byAnna(scheduled)).toEqual(['release.scheduled']);
    expect(await byAnna(synced)).toEqual(['sync.unchanged']);
    expect(await byAnna(resolved)).toEqual(['release.attempt_started', 'release.outcome_unknown', 'release.succeeded']);
    expect(await byAnna(cancelled)).toEqual(['order.merchant_cancelled']);
    expect(await byAnna(mismatched)).toEqual(['reconciliation.mismatch']);

    // The scheduler's claim of the scheduled release, the storefront's and Soisy's events: no actor.
    const scheduledEvents = await eventsOf(scheduled);
    expect(scheduledEvents.filter((event) => event.source === 'scheduler').every((event) => event.actor === null)).toBe(true);
    expect(scheduledEvents.filter((event) => event.source === 'scheduler').map((event) => event.type)).toEqual(['release.attempt_started', 'release.succeeded']);
    for (const token of [released, synced, cancelled]) {
      const others = (await eventsOf(token)).filter((event) => !(event.type.startsWith('release.') || event.type.startsWith('sync') || event.type === 'order.merchant_cancelled'));
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((event) => event.actor === null)).toBe(true);
    }
  });

  it('names a key configured without a name by its derived name', async () => {
    const token = await approvedOrder(stack);
    await act('post', `/v1/orders/${token}/sync`, {}, asBare);
    const [event] = (await eventsOf(token)).filter((candidate) => candidate.type.startsWith('sync'));
    expect(event.actor).toMatch(/^key-[0-9a-f]{8}$/);
  });

  it('shows who did what in the back office (history and list), not in the storefront view', async () => {
    const token = await approvedOrder(stack);
    await fireEvent(stack, token, 'RequestCompleted');
    await act('post', `/v1/orders/${token}/cancel`, { reason: 'out of stock' });

    const history = await act('get', `/v1/orders/${token}/history`);
    expect(history.status).toBe(200);
    expect(history.body.order).toMatchObject({ token, status: 'cancelled' });
    const last = history.body.events.at(-1);
    expect(last).toMatchObject({ type: 'order.merchant_cancelled', actor: 'ops-anna', source: 'api', data: { reason: 'out of stock' }, fromStatus: 'completed', toStatus: 'cancelled' });
    expect(history.body.events.filter((event: { source: string }) => event.source === 'callback').every((event: { actor: null }) => event.actor === null)).toBe(true);

    const list = await act('get', '/v1/orders?limit=100');
    const item = list.body.items.find((candidate: { token: string }) => candidate.token === token);
    expect(item.lastBackOfficeAction).toEqual({ type: 'order.merchant_cancelled', actor: 'ops-anna', at: last.at });
    const untouched = await createdOrder(stack);
    const list2 = await act('get', '/v1/orders?limit=100');
    expect(list2.body.items.find((candidate: { token: string }) => candidate.token === untouched).lastBackOfficeAction).toBeNull();

    const storefront = await request(stack.url).get(`/v1/orders/${token}`).expect(200);
    expect(JSON.stringify(storefront.body)).not.toContain('ops-anna');
    expect(storefront.body.events.at(-1)).not.toHaveProperty('actor');
    expect((await request(stack.url).get(`/v1/orders/${token}/history`)).status).toBe(401);
  });

  it('never stores or answers the key itself', async () => {
    const tables = ['order_events', 'orders', 'merchant_events', 'reconciliation_reports', 'idempotency_records'];
    for (const table of tables) {
      const rows = await query(stack.db.url, `SELECT * FROM ${table}`);
      const text = JSON.stringify(rows);
      expect({ table, anna: text.includes(ANNA_KEY), bare: text.includes(BARE_KEY) }).toEqual({ table, anna: false, bare: false });
    }
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) {
      expect(answer).not.toContain(ANNA_KEY);
      expect(answer).not.toContain(BARE_KEY);
    }
  });

  it('documents every new route in OpenAPI, with examples for the answer and every error', async () => {
    const doc = (await request(stack.url).get('/docs-json').expect(200)).body;
    const routes: Array<[string, string, string[]]> = [
      ['/v1/orders/{token}/release/resolution', 'post', ['200', '400', '401', '404', '409']],
      ['/v1/orders/{token}/cancel', 'post', ['200', '400', '401', '404', '409']],
      ['/v1/orders/{token}/history', 'get', ['200', '400', '401', '404']],
    ];
    for (const [path, method, statuses] of routes) {
      const operation = doc.paths[path][method];
      expect(operation.security).toEqual([{ 'back-office': [] }]);
      expect(operation.summary.length).toBeLessThanOrEqual(60);
      expect(operation.description.length).toBeGreaterThan(0);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(statuses));
      for (const status of statuses.filter((candidate) => candidate >= '400')) {
        const examples = operation.responses[status].content['application/problem+json'].examples;
        expect({ path, status, examples: Object.keys(examples ?? {}).length > 0 }).toEqual({ path, status, examples: true });
      }
    }
    const codes = (path: string, status: string) =>
      Object.values(doc.paths[path].post.responses[status].content['application/problem+json'].examples as Record<string, { value: { code: string } }>).map((example) => example.value.code);
    expect(codes('/v1/orders/{token}/release/resolution', '409')).toEqual(['RELEASE.NOT_UNKNOWN']);
    expect(codes('/v1/orders/{token}/cancel', '409')).toEqual(['ORDER.ALREADY_CANCELLED', 'ORDER.NOT_CANCELLABLE', 'ORDER.NOT_CANCELLABLE', 'ORDER.NOT_CANCELLABLE', 'ORDER.NOT_CANCELLABLE', 'ORDER.STEP_IN_PROGRESS']);
    const cancelOk = doc.paths['/v1/orders/{token}/cancel'].post.responses['200'].content['application/json'];
    expect(cancelOk.example.atSoisy.action).toContain('Soisy has no public cancel call');
    expect(doc.paths['/v1/orders/{token}/cancel'].post.description).toContain('What you must still do at Soisy');
    expect(doc.paths['/v1/orders/{token}/release/resolution'].post.responses['200'].content['application/json'].example.release.status).toBe('released');
    expect(doc.components.schemas.ReleaseResolutionDto.properties.outcome.enum).toEqual(['released', 'not_released']);
    expect(doc.components.schemas.BackOfficeOrderEventDto.properties.actor.example).toBe('ops-anna');
    expect(doc.components.schemas.OrderEventDto.properties).not.toHaveProperty('actor');
  });
});
