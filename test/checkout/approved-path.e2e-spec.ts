import request from 'supertest';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { approvalBody, loanRequestBody, orderBody } from './support/checkout.js';

describe('a shopper who is approved', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('goes from order to loan request to approval, and the order remembers each step', async () => {
    const body = orderBody({ amount: 100000, instalments: 12 });
    const created = await request(stack.url).post('/v1/orders').send(body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      token: expect.any(String),
      redirectUrl: expect.stringContaining(created.body.token),
      status: 'created',
      orderReference: body.orderReference,
      amount: 100000,
      instalments: 12,
    });
    const { token } = created.body;

    const loanRequest = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode: 'RSSMRA85T10A562S' }));
    expect(loanRequest.status).toBe(201);
    expect(loanRequest.body).toEqual({ apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, zeroInterestRate: false, additionalDataNeeded: false, status: 'requested' });

    const approval = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(approval.status).toBe(200);
    expect(approval.body).toEqual({ approved: true, status: 'approved', redirectUrl: expect.any(String), netAmount: 98000, paymentDayOfMonth: 15 });

    const order = await request(stack.url).get(`/v1/orders/${token}`);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      token, orderReference: body.orderReference, status: 'approved', amount: 100000, instalments: 12, fiscalCode: 'RSSMRA*********S',
      apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, additionalDataNeeded: false, netAmount: 98000, paymentDayOfMonth: 15,
      redirectUrl: approval.body.redirectUrl,
    });
    // Soisy's callbacks may add events of their own (source "callback"); these are the checkout's.
    const apiEvents = order.body.events.filter((event: { source: string }) => event.source === 'api');
    expect(apiEvents.map((event: { type: string; fromStatus: string; toStatus: string; source: string }) => [event.type, event.fromStatus, event.toStatus, event.source])).toEqual([
      ['order.creation_started', null, 'pending', 'api'],
      ['order.created', 'pending', 'created', 'api'],
      ['loan_request.created', 'created', 'requested', 'api'],
      ['approval.approved', 'requested', 'approved', 'api'],
    ]);
    const [row] = await query<{ callbackSecret: string }>(stack.db.url, 'SELECT * FROM orders WHERE token = $1', [token]);
    expect(row.callbackSecret).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(order.body)).not.toContain(row.callbackSecret);
    expect(JSON.stringify(order.body)).not.toMatch(/Mario|Rossi|example\.com|3331234567/);
    // Personal data goes to Soisy, not into our tables.
    const stored = JSON.stringify(await query(stack.db.url, 'SELECT o.*, e.data FROM orders o LEFT JOIN order_events e ON e."orderId" = o.id'));
    expect(stored).not.toMatch(/Mario|Rossi|mario\.rossi|3331234567|Via Roma|Milano/);
  });
});
