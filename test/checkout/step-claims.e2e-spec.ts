import request from 'supertest';
import { startBackOfficeStack, type FakeClock } from '../back-office/support/back-office.js';
import { startSecondInstance, type Instance } from '../back-office/support/second-instance.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { approvalBody, createOrder, injectFault, loanRequestBody, requestedOrder, waitUntil } from './support/checkout.js';

const APPROVAL = '/shops/partnershop/requests/*';
const LOAN_REQUEST = '/shops/partnershop/requests';
/** How long the emulator holds the first call: far longer than the other calls need to be answered. */
const SLOW_SOISY = { type: 'delay', ms: 4000 };
const SOISY_TIMEOUT = { SOISY_TIMEOUT_MS: '10000' };
const STOREFRONT = 'https://shop.example.com';

type Call = { method: string; path: string; status: number | null; body: unknown; fault?: string | null };

/**
 * A shopper's double click, or a storefront that retries, reaches two replicas of the service on one
 * database. Soisy will not repeat a loan request or an approval, so only one call per step may reach
 * it; the others wait their turn (409 ORDER.STEP_IN_PROGRESS with Retry-After) or get the stored answer.
 */
describe('checkout steps on two instances of the service', () => {
  let stack: Stack;
  let clock: FakeClock;
  let second: Instance;

  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack(SOISY_TIMEOUT));
    second = await startSecondInstance(stack, clock, { ...SOISY_TIMEOUT, CORS_ORIGINS: STOREFRONT });
  });
  afterAll(async () => {
    await second.close();
    await stack.close();
  });
  // Each test counts the calls that reached Soisy since it began.
  beforeEach(async () => {
    await fetch(`${stack.emulator.url}/__emulator/requests`, { method: 'DELETE' });
  });

  const approveVia = (url: string, token: string, body = approvalBody()) => request(url).post(`/v1/orders/${token}/approval`).send(body);
  const loanVia = (url: string, token: string, body: object) => request(url).post(`/v1/orders/${token}/loan-request`).send(body);

  async function approvalCalls(): Promise<Call[]> {
    const calls: Call[] = await stack.soisyCalls();
    return calls.filter((call) => call.method === 'POST' && /^\/shops\/partnershop\/requests\/[^/]+$/.test(call.path));
  }

  async function loanRequestCalls(): Promise<Call[]> {
    const calls: Call[] = await stack.soisyCalls();
    return calls.filter((call) => call.method === 'POST' && call.path === LOAN_REQUEST);
  }

  function expectStepInProgress(res: request.Response, step: string): void {
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toMatchObject({ code: 'ORDER.STEP_IN_PROGRESS', step });
  }

  it('send one approval to Soisy for concurrent clicks on both; the others wait, then get the stored decision', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: APPROVAL, times: 1, fault: SLOW_SOISY });
    const first = approveVia(second.url, token).then((res) => res);
    await waitUntil('the first approval reaches Soisy', async () => (await approvalCalls()).length === 1);

    const others = await Promise.all([
      approveVia(stack.url, token),
      approveVia(second.url, token),
      approveVia(stack.url, token, approvalBody({ email: 'someone.else@example.com' })),
    ]);
    // Every other click was answered while Soisy still held the first: the overlap is real.
    expect((await approvalCalls())[0].status).toBeNull();
    for (const res of others) expectStepInProgress(res, 'approval');

    const won = await first;
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ approved: true, status: 'approved', redirectUrl: expect.any(String), netAmount: 98000 });
    // Retrying as Retry-After says, on either instance: the decision as stored, not a second call.
    for (const url of [stack.url, second.url]) {
      const retry = await approveVia(url, token);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(won.body);
    }
    const calls = await approvalCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0].status).toBe(201);
  });

  it('send one loan request to Soisy for concurrent calls on both, whatever their bodies', async () => {
    const token = await createOrder(stack);
    const body = loanRequestBody();
    await injectFault(stack, { method: 'POST', path: LOAN_REQUEST, times: 1, fault: SLOW_SOISY });
    const first = loanVia(stack.url, token, body).then((res) => res);
    await waitUntil('the first loan request reaches Soisy', async () => (await loanRequestCalls()).length === 1);

    const others = await Promise.all([
      loanVia(second.url, token, body),
      loanVia(stack.url, token, body),
      loanVia(second.url, token, loanRequestBody()),
      approveVia(second.url, token),
    ]);
    expect((await loanRequestCalls())[0].status).toBeNull();
    for (const res of others) expectStepInProgress(res, 'loan_request');

    const won = await first;
    expect(won.status).toBe(201);
    expect(won.body).toEqual({ apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, zeroInterestRate: false, additionalDataNeeded: false, status: 'requested' });
    const retry = await loanVia(second.url, token, body);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(won.body);
    expect(await loanRequestCalls()).toHaveLength(1);
  });

  it('free the order when Soisy fails the approval, so the retry on the other instance reaches Soisy', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: APPROVAL, times: 1, fault: { type: 'status', status: 500 } });

    const failed = await approveVia(stack.url, token);
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('SOISY.UPSTREAM_ERROR');
    const retried = await approveVia(second.url, token);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ approved: true, status: 'approved' });

    expect((await approvalCalls()).map((call) => call.status)).toEqual([500, 201]);
    const order = (await request(stack.url).get(`/v1/orders/${token}`).expect(200)).body;
    // A 5xx may hide an approval Soisy made: the history says so, as before the claim existed.
    expect(order.events.map((event: { type: string }) => event.type)).toContain('approval.outcome_unknown');
  });

  it('free the order when the loan request\'s connection drops, so the retry reaches Soisy', async () => {
    const token = await createOrder(stack);
    const body = loanRequestBody();
    await injectFault(stack, { method: 'POST', path: LOAN_REQUEST, times: 1, fault: { type: 'drop' } });

    expect((await loanVia(second.url, token, body)).status).toBe(502);
    const retried = await loanVia(stack.url, token, body);
    expect(retried.status).toBe(201);
    expect(retried.body.status).toBe('requested');
    expect(await loanRequestCalls()).toHaveLength(2);
  });

  it('wait out the lease of a claim whose instance died mid-call, then let the step run', async () => {
    const token = await requestedOrder(stack);
    // What an instance that crashed while calling Soisy leaves behind: a claim nobody will free.
    const leaseEnd = new Date(clock.now().getTime() + 3 * 60_000);
    await query(stack.db.url, `UPDATE orders SET "stepClaim" = 'approval', "stepClaimId" = gen_random_uuid(), "stepClaimExpiresAt" = $1 WHERE token = $2`, [leaseEnd, token]);

    const blocked = await approveVia(second.url, token).set('origin', STOREFRONT);
    expectStepInProgress(blocked, 'approval');
    // A storefront in the browser can read when to retry.
    expect(blocked.headers['access-control-expose-headers']).toMatch(/retry-after/i);
    expect(await approvalCalls()).toHaveLength(0);

    clock.advance(3 * 60_000);
    const res = await approveVia(stack.url, token);
    expect(res.status).toBe(200);
    expect(await approvalCalls()).toHaveLength(1);
    const [row] = await query<{ stepClaim: string | null }>(stack.db.url, `SELECT "stepClaim" FROM orders WHERE token = $1`, [token]);
    expect(row.stepClaim).toBeNull();
  });
});
