import request from 'supertest';
import { approvalBody, injectFault, loanRequestBody, requestedOrder } from '../checkout/support/checkout.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { backOffice, matchTriggers, startBackOfficeStack } from './support/back-office.js';
import { approvedOrder, createdOrder } from './support/checkout.js';

/** Soisy's answer when it does not know a token (the emulator's 404 body for an unknown order). */
const SOISY_404 = { type: 'status', status: 404, body: { errors: { domain: ['Order not found'] } } };
const UNKNOWN_UPSTREAM = 'SOISY.ORDER_UNKNOWN_UPSTREAM';

/**
 * Soisy answering 404 about an order this service holds (its token came from Soisy), over real HTTP
 * with the emulator's fault injection and real PostgreSQL: on every route that asks Soisy about an
 * order, a 502 naming the fault, never a 404 (which tells the caller our order does not exist), and
 * nothing changes here. Our own 404 stays for a token we do not hold.
 */
describe("Soisy's 404 for an order we hold", () => {
  let stack: Stack;
  beforeAll(async () => {
    ({ stack } = await startBackOfficeStack());
  });
  afterAll(() => stack.close());
  beforeEach(() => fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' }));

  const rowOf = async (token: string) =>
    (await query<{ status: string; releaseStatus: string; lastSyncedAt: Date | null; events: number }>(stack.db.url,
      `SELECT o.status, o."releaseStatus", o."lastSyncedAt", (SELECT count(*)::int FROM order_events e WHERE e."orderId" = o.id) AS events
       FROM orders o WHERE o.token = $1`, [token]))[0];
  const expectUpstreamFault = (res: request.Response) => {
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: UNKNOWN_UPSTREAM, detail: expect.stringContaining('does not know this order') });
  };

  it('answers a sync 502 SOISY.ORDER_UNKNOWN_UPSTREAM and changes nothing; an unknown token is still our 404', async () => {
    const token = await createdOrder(stack);
    const before = await rowOf(token);
    await injectFault(stack, { method: 'GET', path: `/shops/partnershop/orders/${token}`, fault: SOISY_404 });
    expectUpstreamFault(await backOffice(stack).post(`/v1/orders/${token}/sync`));
    expect(await rowOf(token)).toEqual(before);

    const missing = await backOffice(stack).post('/v1/orders/ffffffffffffffffffffffff/sync');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORDER.NOT_FOUND');
  });

  it('answers a loan request and an approval 502 and leaves the step free for another try', async () => {
    const created = await createdOrder(stack);
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests', fault: SOISY_404 });
    expectUpstreamFault(await request(stack.url).post(`/v1/orders/${created}/loan-request`).send(loanRequestBody()));
    expect((await rowOf(created)).status).toBe('created');
    await request(stack.url).post(`/v1/orders/${created}/loan-request`).send(loanRequestBody()).expect(201);

    const requested = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests/*', fault: SOISY_404 });
    expectUpstreamFault(await request(stack.url).post(`/v1/orders/${requested}/approval`).send(approvalBody()));
    expect((await rowOf(requested)).status).toBe('requested');
  });

  it("records a match-trigger's 404 as a definite refusal naming the code, and retries it later", async () => {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: `/shops/partnershop/orders/${token}/match-trigger`, fault: SOISY_404 });
    const res = await backOffice(stack).post(`/v1/orders/${token}/release`).expect(202);
    expect(res.body.release).toMatchObject({ status: 'scheduled', attempts: 1, lastError: expect.stringContaining(UNKNOWN_UPSTREAM) });
    expect(await matchTriggers(stack, token)).toEqual([expect.objectContaining({ status: 404 })]);
  });

  it('documents the 502 on every route that asks Soisy about an order', async () => {
    const doc = (await request(stack.url).get('/docs-json').expect(200)).body;
    for (const path of ['/v1/orders/{token}/sync', '/v1/orders/{token}/loan-request', '/v1/orders/{token}/approval', '/v1/orders/{token}/release']) {
      expect({ path, documented: JSON.stringify(doc.paths[path].post.responses['502']).includes(UNKNOWN_UPSTREAM) }).toEqual({ path, documented: true });
    }
    expect(JSON.stringify(doc.paths['/v1/orders/{token}/sync'].post.responses['404'])).not.toContain('Soisy');
  });
});
