import request from 'supertest';
import type { LoanRequest } from '../../src/emulator/index.js';
import { jsonOf } from '../support/json.js';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { approvalBody, createOrder, injectFault, loanRequestBody, orderBody, requestedOrder, waitUntil } from './support/checkout.js';

/** SOISY_TIMEOUT_MS is short here so a delayed answer is a timeout without slowing the suite. */
describe('Soisy failing during checkout', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '400' });
  });
  afterAll(() => stack.close());

  const ordersByReference = (reference: unknown) =>
    query<{ status: string; token: string | null }>(stack.db.url, 'SELECT status, token FROM orders WHERE "orderReference" = $1', [reference]);
  const eventTypes = async (reference: unknown) =>
    (await query<{ type: string }>(stack.db.url, 'SELECT e.type FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o."orderReference" = $1 ORDER BY e."createdAt", e.id', [reference])).map((row) => row.type);

  it.each([
    ['a 500', 502, 'SOISY.UPSTREAM_ERROR', { type: 'status', status: 500 }],
    ['a dropped connection', 502, 'SOISY.UNREACHABLE', { type: 'drop' }],
    ['no answer in time', 504, 'SOISY.TIMEOUT', { type: 'delay', ms: 1500 }],
  ])('answers %s from create-order with %i naming the reference, and keeps the order pending', async (_, status, code, fault) => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault });
    const body = orderBody();
    const res = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `lost-${code}`).send(body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code, orderReference: body.orderReference, orderStatus: 'pending' });
    expect(await ordersByReference(body.orderReference)).toEqual([{ status: 'pending', token: null }]);
    expect(await eventTypes(body.orderReference)).toEqual(['order.creation_started', 'order.creation_outcome_unknown']);

    const retry = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `lost-${code}`).send(body);
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({ code: 'ORDER.CREATION_PENDING', orderReference: body.orderReference });
    expect(await ordersByReference(body.orderReference)).toHaveLength(1);
  });

  it('marks the order failed when Soisy refuses it, and a retry with the same reference reuses the row', async () => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'status', status: 400, body: { errors: { amount: ['Importo non valido'] } } } });
    const body = orderBody();
    const refused = await request(stack.url).post('/v1/orders').send(body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'amount', message: 'Importo non valido' }]);
    expect(await ordersByReference(body.orderReference)).toEqual([{ status: 'failed', token: null }]);

    const retried = await request(stack.url).post('/v1/orders').send(body);
    expect(retried.status).toBe(201);
    expect(await ordersByReference(body.orderReference)).toEqual([{ status: 'created', token: retried.body.token }]);
    expect(await eventTypes(body.orderReference)).toEqual([
      'order.creation_started', 'order.creation_refused', 'order.creation_retried', 'order.created',
    ]);
  });

  it('answers a loan request Soisy fails with 502 and leaves the order ready for another try', async () => {
    const token = await createOrder(stack);
    await injectFault(stack, { method: 'POST', path: '/shops/*/requests', fault: { type: 'status', status: 500 } });
    const failed = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody());
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('SOISY.UPSTREAM_ERROR');
    const order = await request(stack.url).get(`/v1/orders/${token}`);
    expect(order.body.status).toBe('created');
    expect(order.body.events.at(-1)).toMatchObject({ type: 'loan_request.outcome_unknown', fromStatus: null, toStatus: null });
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody()).expect(201);
  });

  it('answers an approval that times out with 504, and a retry never makes a second decision', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: '/shops/*/requests/*', fault: { type: 'delay', ms: 1500 } });
    const slow = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(slow.status).toBe(504);
    expect(slow.body.code).toBe('SOISY.TIMEOUT');
    expect((await request(stack.url).get(`/v1/orders/${token}`)).body.status).toBe('requested');
    // Soisy decides once the delay is over, after our timeout (its log never gets the answer's status: we hung up).
    await waitUntil('Soisy has decided the timed-out approval', async () => {
      const requests = await jsonOf<LoanRequest[]>(fetch(`${stack.emulator.url}/__emulator/loan-requests`));
      return requests.some((loan) => loan.approval?.orderToken === token);
    });
    const again = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(again.status).toBe(409);
    // Soisy decided meanwhile: either its callback already moved the order (answered here), or Soisy says so.
    expect(['ORDER.ALREADY_DECIDED', 'SOISY.ALREADY_EVALUATED']).toContain(again.body.code);
  });

  it('answers 502 for quotes when Soisy fails, and does not cache the failure', async () => {
    await injectFault(stack, { method: 'GET', path: '/shops/*/loan-quotes', times: 5, fault: { type: 'status', status: 500 } });
    const failed = await request(stack.url).get('/v1/quotes?amount=123400&instalments=10');
    expect(failed.status).toBe(502);
    await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    await request(stack.url).get('/v1/quotes?amount=123400&instalments=10').expect(200);
  });
});

describe('Soisy refusing this service\'s credentials', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ SOISY_AUTH_TOKEN: 'not-the-partner-key' });
  });
  afterAll(() => stack.close());

  it('answers 502 without echoing the token, marks the order failed, and allows a retry later', async () => {
    const body = orderBody();
    const res = await request(stack.url).post('/v1/orders').send(body);
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('SOISY.UPSTREAM_AUTH');
    expect(JSON.stringify(res.body)).not.toContain('not-the-partner-key');
    const rows = await query(stack.db.url, 'SELECT status FROM orders WHERE "orderReference" = $1', [body.orderReference]);
    expect(rows).toEqual([{ status: 'failed' }]);
  });
});
