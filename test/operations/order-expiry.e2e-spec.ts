import request from 'supertest';
import { OrderExpiryJob } from '../../src/reconciliation/order-expiry/order-expiry.job.js';
import { OrderExpiryService } from '../../src/reconciliation/order-expiry/order-expiry.service.js';
import { backOffice, FakeClock, injectFault, orderOf, startBackOfficeStack } from '../back-office/support/back-office.js';
import { startSecondInstance } from '../back-office/support/second-instance.js';
import { createOrder, loanRequestBody, requestedOrder } from '../checkout/support/checkout.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';

const DAY = 24 * 60 * 60 * 1000;
const NOTHING = { expired: 0, moving: 0, cancelled: 0, changed: 0, failed: 0 };

/**
 * Orders abandoned in `created`/`requested` for ORDER_EXPIRY_DAYS are confirmed with Soisy's Get
 * order before they become `expired`. Real PostgreSQL, the emulator over HTTP, a fake clock. Soisy's
 * callbacks go to a closed port here, so Soisy can be ahead of us, as after lost callbacks.
 */
describe('expiry of abandoned orders', () => {
  let stack: Stack;
  let clock: FakeClock;
  const run = () => stack.app.get(OrderExpiryJob).runOnce();

  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ ORDER_EXPIRY_DAYS: '30', PUBLIC_BASE_URL: 'http://127.0.0.1:9' }));
  });
  afterAll(() => stack.close());

  const statusOf = async (token: string) => (await query<{ status: string }>(stack.db.url, 'SELECT status FROM orders WHERE token = $1', [token]))[0].status;
  const getOrderCalls = async (token: string) =>
    (await stack.soisyCalls()).filter((call) => call.method === 'GET' && call.path === `/shops/partnershop/orders/${token}`);
  const merchantEvents = async (token: string) =>
    (await query<{ type: string }>(stack.db.url, 'SELECT type FROM merchant_events WHERE "orderToken" = $1 ORDER BY sequence', [token])).map(({ type }) => type);
  const confirmations = async (outcome: string) => {
    const metrics = (await request(stack.url).get('/metrics').expect(200)).text;
    return Number(new RegExp(`^order_expiry_confirmations_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
  };

  it('leaves a young order alone, then expires old ones Soisy still shows as a quote or a request, with their events', async () => {
    const created = await createOrder(stack);
    const requested = await requestedOrder(stack);

    // A day short of the age: nothing is claimed, Soisy is not asked.
    clock.advance(29 * DAY);
    expect(await run()).toEqual(NOTHING);
    expect(await getOrderCalls(created)).toEqual([]);
    expect(await statusOf(created)).toBe('created');

    const expiredBefore = await confirmations('expired');
    clock.advance(2 * DAY);
    expect(await run()).toEqual({ ...NOTHING, expired: 2 });
    expect(await getOrderCalls(created)).toHaveLength(1);
    for (const [token, from] of [[created, 'created'], [requested, 'requested']]) {
      const order = await orderOf(stack, token);
      expect(order.status).toBe('expired');
      expect(order.events.at(-1)).toMatchObject({ type: 'order.expired', source: 'scheduler', fromStatus: from, toStatus: 'expired' });
      expect((await merchantEvents(token)).at(-1)).toBe('order.expired');
    }
    const [event] = await query<{ data: unknown }>(stack.db.url, `SELECT e.data FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 AND e.type = 'order.expired'`, [created]);
    expect(event.data).toEqual({ soisyStatus: 'quote', expiryDays: 30 });
    expect(await confirmations('expired')).toBe(expiredBefore + 2);

    // A shopper coming back is told why nothing more can be done with the order.
    const loan = await request(stack.url).post(`/v1/orders/${created}/loan-request`).send(loanRequestBody()).expect(409);
    expect(loan.body).toMatchObject({ code: 'ORDER.LOAN_REQUEST_NOT_ALLOWED', orderStatus: 'expired' });

    // The back office finds them by their new status; an expired order is final: nothing more happens.
    const listed = (await backOffice(stack).get('/v1/orders?status=expired').expect(200)).body;
    expect(JSON.stringify(listed)).toContain(created);
    expect(await run()).toEqual(NOTHING);
  });

  it('syncs an old requested order that Soisy shows approved to approved, and does not expire it', async () => {
    const token = await requestedOrder(stack);
    // The shopper went on at Soisy; its callback never reached us.
    const fired = await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: 'LoanWasApproved' }),
    });
    expect(fired.status).toBe(200);
    expect(await statusOf(token)).toBe('requested');
    const movingBefore = await confirmations('moving');

    clock.advance(31 * DAY);
    expect(await run()).toEqual({ ...NOTHING, moving: 1 });

    const order = await orderOf(stack, token);
    expect(order.status).toBe('approved');
    expect(order.events.at(-1)).toMatchObject({ type: 'expiry_check', source: 'scheduler', fromStatus: 'requested', toStatus: 'approved' });
    expect(order.events.map((event) => event.type)).not.toContain('order.expired');
    expect(await merchantEvents(token)).toContain('order.approved');
    expect(await confirmations('moving')).toBe(movingBefore + 1);
  });

  it('leaves an order untouched when Soisy fails, and expires it on a later run once the claim has lapsed', async () => {
    const token = await createOrder(stack);
    clock.advance(31 * DAY);
    const [before] = await query(stack.db.url, 'SELECT status, "updatedAt", "soisyStatus" FROM orders WHERE token = $1', [token]);
    const eventsBefore = (await orderOf(stack, token)).events;
    await injectFault(stack, { method: 'GET', path: `/shops/partnershop/orders/${token}`, times: 10, fault: { type: 'status', status: 500 } });

    expect(await run()).toEqual({ ...NOTHING, failed: 1 });
    expect(await query(stack.db.url, 'SELECT status, "updatedAt", "soisyStatus" FROM orders WHERE token = $1', [token])).toEqual([before]);
    expect((await orderOf(stack, token)).events).toEqual(eventsBefore);
    await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });

    // Not again at once (its claim spaces the retries), but after it.
    expect(await run()).toEqual(NOTHING);
    clock.advance(60 * 60_000);
    expect(await run()).toEqual({ ...NOTHING, expired: 1 });
    expect(await statusOf(token)).toBe('expired');
  });

  it('stops a run when Soisy fails a whole batch, rather than asking about every due order', async () => {
    const tokens = [await createOrder(stack), await createOrder(stack), await createOrder(stack)];
    clock.advance(31 * DAY);
    await injectFault(stack, { method: 'GET', path: '/shops/partnershop/orders/*', times: 100, fault: { type: 'status', status: 503 } });
    const replica = await startSecondInstance(stack, clock, { ORDER_EXPIRY_DAYS: '30', ORDER_EXPIRY_BATCH_SIZE: '1' });
    try {
      expect(await replica.app.get(OrderExpiryService).run()).toEqual({ ...NOTHING, failed: 1 });
    } finally {
      await replica.close();
      await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    }
    const asked = await Promise.all(tokens.map(async (token) => (await getOrderCalls(token)).length > 0));
    expect(asked.filter(Boolean)).toHaveLength(1);
    // Soisy back: the next run takes them all (the failed one once its claim has lapsed).
    clock.advance(60 * 60_000);
    expect(await run()).toEqual({ ...NOTHING, expired: 3 });
  });

  it('expires an order Soisy no longer knows (Get order 404, absent from its order list), and not on a 404 alone', async () => {
    const token = await requestedOrder(stack);
    clock.advance(31 * DAY);
    // A 404 while Soisy's order list still has the order (say, a wrong path): not proof, nothing changes.
    await injectFault(stack, { method: 'GET', path: `/shops/partnershop/orders/${token}`, times: 1, fault: { type: 'status', status: 404, body: { errors: { domain: ['Not found'] } } } });
    expect(await run()).toEqual({ ...NOTHING, failed: 1 });
    expect(await statusOf(token)).toBe('requested');

    // Soisy forgets every order: Get order 404 and an order list without it.
    await fetch(`${stack.emulator.url}/__emulator/reset`, { method: 'POST' });
    clock.advance(60 * 60_000);
    expect(await run()).toEqual({ ...NOTHING, expired: 1 });
    const [event] = await query<{ data: unknown }>(stack.db.url, `SELECT e.data FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 AND e.type = 'order.expired'`, [token]);
    expect(event.data).toEqual({ soisyStatus: null, soisyAnswer: 'not_found', expiryDays: 30 });
    expect((await stack.soisyCalls()).filter((call) => call.path === '/shops/partnershop/orders')).toHaveLength(1);
  });

  it('lets two instances run side by side: each order is asked about and expired once', async () => {
    const tokens = [];
    for (let index = 0; index < 4; index += 1) tokens.push(await createOrder(stack));
    clock.advance(31 * DAY);
    // Two replicas claiming one order per batch, so their claims interleave.
    const replicas = await Promise.all([1, 2].map(() => startSecondInstance(stack, clock, { ORDER_EXPIRY_DAYS: '30', ORDER_EXPIRY_BATCH_SIZE: '1' })));
    try {
      const runs = await Promise.all(replicas.map((replica) => replica.app.get(OrderExpiryService).run()));
      expect(runs.reduce((sum, one) => sum + one.expired, 0)).toBe(4);
      expect(runs.reduce((sum, one) => sum + one.changed + one.failed + one.moving, 0)).toBe(0);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
    for (const token of tokens) {
      expect(await getOrderCalls(token)).toHaveLength(1);
      expect((await orderOf(stack, token)).events.filter((event) => event.type === 'order.expired')).toHaveLength(1);
      expect((await merchantEvents(token)).filter((type) => type === 'order.expired')).toHaveLength(1);
    }
  });

  it('refuses to release an expired order, now or scheduled (409), and calls no match-trigger', async () => {
    const token = await createOrder(stack);
    clock.advance(31 * DAY);
    await run();
    expect(await statusOf(token)).toBe('expired');

    const now = await backOffice(stack).post(`/v1/orders/${token}/release`).expect(409);
    expect(now.body).toMatchObject({ code: 'RELEASE.NOT_RELEASABLE', orderStatus: 'expired' });
    const later = new Date(clock.now().getTime() + DAY).toISOString();
    const scheduled = await backOffice(stack).post(`/v1/orders/${token}/release`, { releaseAt: later }).expect(409);
    expect(scheduled.body).toMatchObject({ code: 'RELEASE.NOT_RELEASABLE' });
    const [row] = await query<{ releaseStatus: string }>(stack.db.url, 'SELECT "releaseStatus" FROM orders WHERE token = $1', [token]);
    expect(row.releaseStatus).toBe('none');
    expect((await stack.soisyCalls()).filter((call) => call.path.endsWith(`/orders/${token}/match-trigger`))).toEqual([]);
  });

  it('documents expired among the order statuses and order.expired among the merchant events', async () => {
    const doc = JSON.stringify((await request(stack.url).get('/docs-json').expect(200)).body);
    expect(doc).toMatch(/"enum":\["pending","created","requested","approved","refused","completed","verified","disbursed","cancelled","failed","expired"\]/);
    expect(doc).toContain('"order.expired"');
  });
});
