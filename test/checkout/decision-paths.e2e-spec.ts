import request from 'supertest';
import { startStack, type Stack } from '../support/stack.js';
import { ADDITIONAL_DATA, approvalBody, createOrder, footprint, loanRequestBody, requestedOrder, settleCallbacks } from './support/checkout.js';

describe('Soisy\'s decision on a loan', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers a refusal over €10,000 as a 200 with approved false, and stores it', async () => {
    const token = await requestedOrder(stack, 1_200_000, { amount: 1_200_000 });
    const refusal = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(ADDITIONAL_DATA));
    expect(refusal.status).toBe(200);
    expect(refusal.body).toEqual({ approved: false, status: 'refused' });
    const order = await request(stack.url).get(`/v1/orders/${token}`);
    expect(order.body.status).toBe('refused');
    expect(order.body.events).toContainEqual(expect.objectContaining({ type: 'approval.refused', fromStatus: 'requested', toStatus: 'refused', source: 'api' }));
  });

  it('never calls Soisy for a second approval: other details get 409, the same ones the stored decision', async () => {
    const token = await requestedOrder(stack);
    const first = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).expect(200);
    await settleCallbacks(stack); // the approval's callback may still be on its way
    const before = await footprint(stack, true);
    const other = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody({ email: 'someone.else@example.com' }));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'ORDER.ALREADY_DECIDED', orderStatus: 'approved' });
    const again = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await footprint(stack, true)).toEqual(before);
  });

  it('asks for the additional data when Soisy needs it, and approves once it is given', async () => {
    const token = await createOrder(stack, { amount: 600_000 });
    const loan = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody());
    expect(loan.body).toMatchObject({ additionalDataNeeded: true, status: 'requested' });

    await settleCallbacks(stack);
    const before = await footprint(stack, true);
    const missing = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'residence', 'residenceStartDate', 'educationalQualification', 'children', 'salaryType', 'salary',
    ]);
    expect(await footprint(stack, true)).toEqual(before);

    const approved = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(ADDITIONAL_DATA));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approved: true, status: 'approved', netAmount: 588_000 });
    // The last POST: the approval's callback may already have made Soisy see a Get order since.
    const sent = (await stack.soisyCalls()).filter((call) => call.method === 'POST').at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ residence: 'rent', salary: 1800, amount: 600_000, installments: 12 });
  });

  it('refuses an approval before any loan request with 409, without calling Soisy', async () => {
    const token = await createOrder(stack);
    await settleCallbacks(stack);
    const before = await footprint(stack, true);
    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORDER.LOAN_REQUEST_REQUIRED');
    expect(await footprint(stack, true)).toEqual(before);
  });

  it('refuses a loan request on an order already decided', async () => {
    const token = await requestedOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).expect(200);
    const res = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody());
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ORDER.LOAN_REQUEST_NOT_ALLOWED', orderStatus: 'approved' });
  });

  it('lets a loan request be repeated on a requested order, and the new figures replace the old', async () => {
    const token = await createOrder(stack, { instalments: undefined });
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ instalments: 12 })).expect(201);
    const again = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ instalments: 24 }));
    expect(again.status).toBe(201);
    const order = await request(stack.url).get(`/v1/orders/${token}`);
    expect(order.body).toMatchObject({ status: 'requested', instalments: 24, instalmentAmount: again.body.instalmentAmount });
  });

  it('passes on Soisy\'s conflict when the same person asks twice', async () => {
    const fiscalCode = loanRequestBody().fiscalCode;
    await requestedOrder(stack, 100000, { fiscalCode });
    const other = await createOrder(stack);
    const res = await request(stack.url).post(`/v1/orders/${other}/loan-request`).send(loanRequestBody({ fiscalCode }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SOISY.CONFLICT');
    expect((await request(stack.url).get(`/v1/orders/${other}`)).body.status).toBe('created');
  });

  it('answers 404 for an unknown token', async () => {
    const res = await request(stack.url).get('/v1/orders/no-such-token');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('ORDER.NOT_FOUND');
  });
});
