import request from 'supertest';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { footprint, injectFault, orderBody, waitUntil } from './support/checkout.js';

describe('creating an order with an Idempotency-Key', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const create = (key: string, body: Record<string, unknown>) => request(stack.url).post('/v1/orders').set('Idempotency-Key', key).send(body);
  const createOrderCalls = async () => (await stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path.endsWith('/orders')).length;

  it('replays the first answer for the same key and body, without a second Soisy order', async () => {
    const body = orderBody();
    const first = await create('key-replay-1', body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const callsBefore = await createOrderCalls();

    const shuffled = Object.fromEntries(Object.entries(body).reverse());
    const replay = await create('key-replay-1', shuffled);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await createOrderCalls()).toBe(callsBefore);
    const rows = await query(stack.db.url, 'SELECT status FROM orders WHERE "orderReference" = $1', [body.orderReference]);
    expect(rows).toEqual([{ status: 'created' }]);
  });

  it('stores the key in the same transaction as the order, with the answer', async () => {
    const body = orderBody();
    const res = await create('key-stored-1', body);
    const [record] = await query<{ scope: string; responseStatus: number; responseBody: unknown }>(
      stack.db.url, 'SELECT scope, "responseStatus", "responseBody" FROM idempotency_records WHERE key = $1', ['key-stored-1']);
    expect(record).toEqual({ scope: 'POST /v1/orders', responseStatus: 201, responseBody: res.body });
  });

  it('answers 422 when the same key comes with a different body, and changes nothing', async () => {
    const body = orderBody();
    await create('key-conflict-1', body).expect(201);
    const before = await footprint(stack);
    const res = await create('key-conflict-1', { ...body, amount: 120000 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await footprint(stack)).toEqual(before);
  });

  it('runs exactly one of two concurrent requests with the same key; the other gets 409', async () => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'delay', ms: 400 } });
    const body = orderBody();
    const [a, b] = await Promise.all([create('key-concurrent-1', body), create('key-concurrent-1', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect(await query(stack.db.url, 'SELECT 1 FROM orders WHERE "orderReference" = $1', [body.orderReference])).toHaveLength(1);
    const replay = await create('key-concurrent-1', body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('answers 409 while the first request with the key is still running', async () => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'delay', ms: 1500 } });
    const body = orderBody();
    const first = create('key-running-1', body).then((res) => res);
    // Its create-order call reaching Soisy means its key is stored, and Soisy holds it for 1.5 s.
    await waitUntil('the first request is waiting on Soisy', async () =>
      (await stack.soisyCalls()).some((call) => call.path.endsWith('/orders') && (call.body as { orderReference?: unknown } | null)?.orderReference === body.orderReference));
    const second = await create('key-running-1', body);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect((await first).status).toBe(201);
  });

  it('does not keep a refusal, so the same key works once the body is corrected', async () => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'status', status: 400, body: { errors: { fiscalCode: ['Codice fiscale non valido'] } } } });
    const body = orderBody();
    const refused = await create('key-refused-1', body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'customer.fiscalCode', message: 'Codice fiscale non valido' }]);
    const retried = await create('key-refused-1', { ...body, amount: 110000 });
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key with a 400 naming the header', async () => {
    const before = await footprint(stack);
    const res = await create('x'.repeat(256), orderBody());
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await footprint(stack)).toEqual(before);
  });

  it('answers 409 naming the existing order when a reference is reused under another key', async () => {
    const body = orderBody();
    await create('key-reference-1', body).expect(201);
    const res = await create('key-reference-2', body);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ORDER.REFERENCE_TAKEN', orderReference: body.orderReference, orderStatus: 'created' });
    expect(JSON.stringify(res.body)).not.toContain('token');
  });
});
