import request from 'supertest';
import { ADMIN_KEY, startStack, type Stack } from '../support/stack.js';
import { approvalBody, createOrder, footprint, injectFault, loanRequestBody, requestedOrder, settleCallbacks } from './support/checkout.js';

const LOAN_REQUEST = '/shops/partnershop/requests';
const APPROVAL = '/shops/partnershop/requests/*';
const asAdmin = { authorization: `Bearer ${ADMIN_KEY}` };

/**
 * Soisy acted on a loan request or an approval but answered figures the orders table cannot hold:
 * the storefront gets the 502 it gets for any unreadable answer, the history says Soisy may have
 * acted, and the order stays as it was. And a merchant's cancellation is not Soisy's decision.
 */
describe('Soisy answers this service cannot store, and orders the merchant cancelled', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const history = async (token: string) => (await request(stack.url).get(`/v1/orders/${token}/history`).set(asAdmin).expect(200)).body;

  async function expectUnknownOutcome(res: request.Response, token: string, step: string, status: string): Promise<void> {
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'SOISY.UNEXPECTED_RESPONSE' });
    const { order, events } = await history(token);
    expect(order.status).toBe(status);
    expect(events.at(-1)).toMatchObject({ type: `${step}.outcome_unknown`, fromStatus: null, toStatus: null, data: { code: 'SOISY.UNEXPECTED_RESPONSE' } });
  }

  it.each([
    ['an APR past Decimal(7,3)', { apr: 123456.7, instalmentAmount: 8787, totalRepayment: 105444 }],
    ['an instalment past PostgreSQL integer', { apr: 10.36, instalmentAmount: 3_000_000_000, totalRepayment: 105444 }],
  ])('answers a loan request whose offer has %s with 502, records that Soisy may have acted, and leaves the order created', async (_, body) => {
    const token = await createOrder(stack);
    const loan = loanRequestBody();
    await injectFault(stack, { method: 'POST', path: LOAN_REQUEST, times: 1, fault: { type: 'status', status: 201, body: { ...body, fiscalCode: loan.fiscalCode } } });
    const res = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loan);
    await expectUnknownOutcome(res, token, 'loan_request', 'created');
    expect((await history(token)).order).toMatchObject({ status: 'created', fiscalCode: null }); // nothing of the loan request stored
  });

  it.each([
    ['a net amount past PostgreSQL integer', { netAmount: 3_000_000_000, paymentDayOfMonth: 5 }],
    ['a payment day that is no day of a month', { netAmount: 98_000, paymentDayOfMonth: 99_999_999_999 }],
    ['a net amount above the amount asked for', { netAmount: 150_000, paymentDayOfMonth: 5 }],
    ['a redirect URL a browser would run (javascript:)', { netAmount: 98_000, paymentDayOfMonth: 5, redirectUrl: 'javascript:alert(1)' }],
  ])('answers an approval with %s with 502, records that Soisy may have acted, and leaves the order requested', async (_, body) => {
    const token = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: APPROVAL, times: 1, fault: { type: 'status', status: 201, body: { approved: true, redirectUrl: 'https://soisy.example/r', ...body } } });
    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    await expectUnknownOutcome(res, token, 'approval', 'requested');
  });

  it.each([
    ['a negative APR', { apr: -3 }],
    ['an instalment larger than the total repaid', { totalRepaid: 5 }],
  ])('answers quotes whose tier has %s with 502, and caches nothing of it', async (_, figures) => {
    const quote = { fee: 0, interest: 5444, interestRate: 9.9, totalRepaid: 105_444, apr: 10.36, instalmentAmount: 8787 };
    const amount = 123_400 + Math.floor(Math.random() * 1000); // an amount no other test has cached
    await injectFault(stack, { method: 'GET', path: '/shops/partnershop/loan-quotes', times: 1,
      fault: { type: 'status', status: 200, body: { min: { ...quote, ...figures }, median: quote, max: quote } } });
    const refused = await request(stack.url).get(`/v1/quotes?amount=${amount}&instalments=12`);
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ code: 'SOISY.UNEXPECTED_RESPONSE' });
    const fresh = await request(stack.url).get(`/v1/quotes?amount=${amount}&instalments=12`).expect(200);
    expect(JSON.stringify(fresh.body)).not.toMatch(/"apr":-3|"totalRepaid":5\b/);
  });

  it('refuses the steps on an order the merchant cancelled before Soisy decided as not allowed, not as decided, without calling Soisy', async () => {
    const created = await createOrder(stack);
    const requested = await requestedOrder(stack);
    for (const token of [created, requested]) {
      await request(stack.url).post(`/v1/orders/${token}/cancel`).set(asAdmin).send({ reason: 'out of stock' }).expect(200);
    }
    const before = await footprint(stack);

    const loan = await request(stack.url).post(`/v1/orders/${created}/loan-request`).send(loanRequestBody());
    expect(loan.status).toBe(409);
    expect(loan.body).toMatchObject({ code: 'ORDER.LOAN_REQUEST_NOT_ALLOWED', orderStatus: 'cancelled' });
    for (const token of [created, requested]) {
      const approval = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
      expect(approval.status).toBe(409);
      expect(approval.body).toMatchObject({ code: 'ORDER.APPROVAL_NOT_ALLOWED', orderStatus: 'cancelled' });
    }
    expect(await footprint(stack)).toEqual(before);
  });

  it('still answers ALREADY_DECIDED for an order Soisy approved that the merchant then cancelled', async () => {
    const token = await requestedOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).expect(200);
    await settleCallbacks(stack);
    await request(stack.url).post(`/v1/orders/${token}/cancel`).set(asAdmin).send({ reason: 'out of stock' }).expect(200);
    const other = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody({ email: 'someone.else@example.com' }));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'ORDER.ALREADY_DECIDED', orderStatus: 'cancelled' });
  });
});
