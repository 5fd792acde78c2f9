import request from 'supertest';
import { RetentionJob } from '../../src/retention/retention.job.js';
import { RetentionService } from '../../src/retention/retention.service.js';
import { approvalBody, freshFiscalCode, loanRequestBody, orderBody } from '../checkout/support/checkout.js';
import { eventTypes } from '../checkout/support/recovery.js';
import { FakeClock, fireEvent, startBackOfficeStack } from '../back-office/support/back-office.js';
import { createdOrder } from '../back-office/support/checkout.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * GDPR storage limitation: PERSONAL_DATA_RETENTION_DAYS after an order's final state its personal
 * data goes, everywhere it was stored; its figures and history stay. Real PostgreSQL, the emulator
 * over HTTP, and a fake clock moved past the retention period.
 */
describe('personal data retention', () => {
  let stack: Stack;
  let clock: FakeClock;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ PERSONAL_DATA_RETENTION_DAYS: '400', RETENTION_BATCH_SIZE: '2' }));
  });
  afterAll(() => stack.close());

  /** A disbursed order with everything that can hold personal data: customer on creation (with an Idempotency-Key), fiscal code, callbacks. */
  async function disbursedOrder(fiscalCode: string, email: string): Promise<string> {
    const body = orderBody({ successUrl: `https://shop.example.com/ok?email=${email}`, customer: { email, firstname: 'Lucia', lastname: 'Verdi', fiscalCode } });
    const { token } = (await request(stack.url).post('/v1/orders').set('Idempotency-Key', `key-${body.orderReference}`).send(body).expect(201)).body;
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode })).expect(201);
    await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody({ email })).expect(200);
    for (const eventId of ['LoanWasApproved', 'RequestCompleted', 'LoanWasVerified', 'LoanWasDisbursed']) {
      await fireEvent(stack, token, eventId, { eventMessage: `evento per Lucia Verdi ${email}` });
    }
    return token;
  }

  const rowOf = async (token: string) =>
    (await query<{ id: string; status: string; fiscalCode: string | null; successUrl: string | null; amountCents: number; orderReference: string }>(
      stack.db.url, 'SELECT id, status, "fiscalCode", "successUrl", "amountCents", "orderReference" FROM orders WHERE token = $1', [token]))[0];

  /** Everything stored about an order, as text: where personal data could hide. */
  async function storedText(orderId: string): Promise<string> {
    const tables = await Promise.all([
      query(stack.db.url, 'SELECT * FROM orders WHERE id = $1', [orderId]),
      query(stack.db.url, 'SELECT * FROM order_events WHERE "orderId" = $1', [orderId]),
      query(stack.db.url, 'SELECT * FROM received_callbacks WHERE "orderId" = $1', [orderId]),
      query(stack.db.url, 'SELECT * FROM idempotency_records'),
    ]);
    return JSON.stringify(tables);
  }

  it("erases an old final order's personal data everywhere, keeps its figures and history, and leaves recent and open orders alone", async () => {
    const fiscalCode = freshFiscalCode();
    const email = 'lucia.verdi@example.com';
    const old = await disbursedOrder(fiscalCode, email);
    const recent = await createdOrder(stack);
    await fireEvent(stack, recent, 'UserWasRejected');
    const openFiscalCode = freshFiscalCode();
    const open = await createdOrder(stack);
    await request(stack.url).post(`/v1/orders/${open}/loan-request`).send(loanRequestBody({ fiscalCode: openFiscalCode })).expect(201);

    const oldRow = await rowOf(old);
    expect(oldRow).toMatchObject({ status: 'disbursed', fiscalCode });
    expect(await storedText(oldRow.id)).toContain(email);
    const historyBefore = await eventTypes(stack.db.url, oldRow.id);

    // A day short of the retention period: nothing is due.
    clock.advance(399 * DAY);
    expect(await stack.app.get(RetentionJob).runOnce()).toMatchObject({ erasedOrders: 0 });
    expect((await rowOf(old)).fiscalCode).toBe(fiscalCode);

    // Past it. The cancelled order became final yesterday on this clock; the open one is old but not final.
    clock.advance(2 * DAY);
    await query(stack.db.url, 'UPDATE orders SET "updatedAt" = $1 WHERE token = $2', [new Date(clock.now().getTime() - DAY), recent]);
    expect(await stack.app.get(RetentionJob).runOnce()).toMatchObject({ erasedOrders: 1 });

    const erased = await rowOf(old);
    expect(erased).toMatchObject({ status: 'disbursed', fiscalCode: null, successUrl: null, amountCents: oldRow.amountCents, orderReference: oldRow.orderReference });
    const text = await storedText(oldRow.id);
    for (const personal of [fiscalCode, email, 'Lucia', 'Verdi']) expect(text).not.toContain(personal);
    expect(await eventTypes(stack.db.url, oldRow.id)).toEqual([...historyBefore, 'order.personal_data_erased']);
    const [erasure] = await query<{ data: Record<string, unknown>; source: string }>(stack.db.url, `SELECT data, source FROM order_events WHERE "orderId" = $1 AND type = 'order.personal_data_erased'`, [oldRow.id]);
    expect(erasure).toEqual({ source: 'scheduler', data: { retentionDays: 400, columns: expect.arrayContaining(['fiscalCode']) } });
    const callbacks = await query<{ payload: Record<string, unknown> }>(stack.db.url, 'SELECT payload FROM received_callbacks WHERE "orderId" = $1', [oldRow.id]);
    expect(callbacks.map(({ payload }) => payload.eventId)).toEqual(expect.arrayContaining(['RequestCompleted', 'LoanWasVerified', 'LoanWasDisbursed']));
    expect(callbacks.every(({ payload }) => payload.eventMessage === '[erased]')).toBe(true);
    expect(await query(stack.db.url, 'SELECT 1 FROM idempotency_records WHERE key = $1', [`key-${oldRow.orderReference}`])).toEqual([]);
    // The merchant events' stored payloads (what a resend would send) lose even the masked fiscal code.
    const payloads = await query<{ payload: { data: { fiscalCode: unknown; amount: number } } }>(stack.db.url, 'SELECT payload FROM merchant_events WHERE "orderId" = $1', [oldRow.id]);
    expect(payloads.length).toBeGreaterThan(0);
    for (const { payload } of payloads) expect(payload.data).toMatchObject({ fiscalCode: '[erased]', amount: oldRow.amountCents });

    // The storefront's view still shows the order and its history.
    const view = (await request(stack.url).get(`/v1/orders/${old}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'disbursed', amount: oldRow.amountCents });
    expect(view.fiscalCode ?? null).toBeNull();

    expect((await rowOf(recent)).status).toBe('cancelled');
    expect(await eventTypes(stack.db.url, (await rowOf(recent)).id)).not.toContain('order.personal_data_erased');
    expect((await rowOf(open)).fiscalCode).toBe(openFiscalCode);

    // Nothing is erased twice.
    expect(await stack.app.get(RetentionJob).runOnce()).toMatchObject({ erasedOrders: 0 });
    const metrics = (await request(stack.url).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/retention_personal_data_erased_orders_total 1\b/);
  });

  it('lets replicas erase side by side: each due order once, in bounded batches', async () => {
    const tokens: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const token = await createdOrder(stack);
      await fireEvent(stack, token, 'UserWasRejected');
      tokens.push(token);
    }
    await query(stack.db.url, 'UPDATE orders SET "updatedAt" = $1 WHERE token = ANY($2)', [new Date(clock.now().getTime() - 401 * DAY), tokens]);
    const service = stack.app.get(RetentionService);
    // Two "replicas" draining batches of 2 at the same time: SKIP LOCKED keeps them apart.
    const [first, second] = await Promise.all([service.run(), service.run()]);
    expect(first.erasedOrders + second.erasedOrders).toBe(5);
    const [{ count }] = await query<{ count: string }>(stack.db.url, `SELECT count(*) FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = ANY($1) AND e.type = 'order.personal_data_erased'`, [tokens]);
    expect(Number(count)).toBe(5);
  });

  it('deletes idempotency records older than the retention period, whatever their route', async () => {
    await query(stack.db.url, `INSERT INTO idempotency_records (id, scope, key, "requestHash", "createdAt") VALUES (gen_random_uuid(), 'release', 'old-key', 'h', $1), (gen_random_uuid(), 'release', 'new-key', 'h', $2)`,
      [new Date(clock.now().getTime() - 401 * DAY), clock.now()]);
    expect(await stack.app.get(RetentionJob).runOnce()).toMatchObject({ deletedIdempotencyRecords: 1 });
    const keys = (await query<{ key: string }>(stack.db.url, `SELECT key FROM idempotency_records WHERE scope = 'release'`)).map(({ key }) => key);
    expect(keys).toEqual(['new-key']);
  });
});
