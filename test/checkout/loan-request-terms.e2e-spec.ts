import request from 'supertest';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { createOrder, footprint, loanRequestBody, settleCallbacks } from './support/checkout.js';

/** The order token is the shopper's capability: it must not let them change what the merchant set. */
describe('a loan request keeps the terms the merchant set on the order', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const loanRequest = (token: string, overrides: Record<string, unknown> = {}) =>
    request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody(overrides));
  const amountOf = async (token: string) =>
    (await query<{ amountCents: number }>(stack.db.url, 'SELECT "amountCents" FROM orders WHERE token = $1', [token]))[0].amountCents;

  it('refuses an amount other than the order amount with 400 naming amount, storing and sending nothing', async () => {
    const token = await createOrder(stack, { amount: 100000 });
    await settleCallbacks(stack);
    const before = await footprint(stack, true);
    const res = await loanRequest(token, { amount: 10000 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'amount', message: 'amount must equal the order amount (100000 cents)' }]);
    expect(await footprint(stack, true)).toEqual(before);
    expect(await amountOf(token)).toBe(100000);
    expect((await request(stack.url).get(`/v1/orders/${token}`)).body.status).toBe('created');
  });

  it('asks Soisy for the order amount and leaves it unchanged, with or without the same amount given', async () => {
    const token = await createOrder(stack, { amount: 120000 });
    await loanRequest(token, { amount: 120000 }).expect(201);
    await loanRequest(token).expect(201);
    const sent = (await stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path.endsWith('/requests')).slice(-2);
    expect(sent.map((call) => (call.body as { amount: unknown }).amount)).toEqual([120000, 120000]);
    expect(await amountOf(token)).toBe(120000);
  });

  it('refuses other instalments than the ones the order fixed, on the first loan request and on a repeat', async () => {
    const token = await createOrder(stack, { instalments: 12 });
    await settleCallbacks(stack);
    const before = await footprint(stack, true);
    const res = await loanRequest(token, { instalments: 24 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'instalments', message: 'instalments must equal the order\'s instalments (12): the merchant fixed them' }]);
    expect(await footprint(stack, true)).toEqual(before);
    await loanRequest(token, { instalments: 12 }).expect(201);
    expect((await loanRequest(token, { instalments: 24 })).body.errors).toEqual([expect.objectContaining({ field: 'instalments' })]);
    expect((await request(stack.url).get(`/v1/orders/${token}`)).body.instalments).toBe(12);
  });

  it('lets the shopper choose the instalments, and choose again, when the order did not fix them', async () => {
    const token = await createOrder(stack, { instalments: undefined });
    await loanRequest(token, { instalments: 24 }).expect(201);
    await loanRequest(token, { instalments: 36 }).expect(201);
    expect((await request(stack.url).get(`/v1/orders/${token}`)).body).toMatchObject({ status: 'requested', instalments: 36 });
  });
});
