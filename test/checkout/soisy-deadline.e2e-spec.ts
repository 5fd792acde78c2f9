import request from 'supertest';
import { ADMIN_KEY, startStack, type Stack } from '../support/stack.js';
import { createOrder, injectFault } from './support/checkout.js';

/**
 * Soisy frozen (its answers delayed far beyond every timeout): each route answers within its Soisy
 * call budget, retries included. The bounds are upper bounds with a generous margin, not timings.
 */
describe('Routes waiting on a frozen Soisy', () => {
  let stack: Stack;
  const frozen = { type: 'delay', ms: 4_000 };
  const MARGIN_MS = 1_000;

  afterEach(() => stack.close());

  async function timed(send: () => Promise<request.Response>): Promise<{ res: request.Response; elapsedMs: number }> {
    const started = performance.now();
    const res = await send();
    return { res, elapsedMs: performance.now() - started };
  }

  it('answers quotes 504 within the default budget (connect + read timeout), not after three read timeouts', async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '1000', SOISY_CONNECT_TIMEOUT_MS: '500' });
    await injectFault(stack, { method: 'GET', path: '/shops/*/loan-quotes', times: 3, fault: frozen });
    const { res, elapsedMs } = await timed(() => request(stack.url).get('/v1/quotes?amount=100000&instalments=12'));
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'SOISY.TIMEOUT' });
    expect(elapsedMs).toBeLessThan(1_500 + MARGIN_MS);
  });

  it('retries a quote inside a larger budget, and still answers within it', async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '1000', SOISY_CONNECT_TIMEOUT_MS: '500', SOISY_CALL_BUDGET_MS: '2600' });
    await injectFault(stack, { method: 'GET', path: '/shops/*/loan-quotes', times: 3, fault: frozen });
    const { res, elapsedMs } = await timed(() => request(stack.url).get('/v1/quotes?amount=100000&instalments=12'));
    expect(res.status).toBe(504);
    expect(elapsedMs).toBeLessThan(2_600 + MARGIN_MS);
    const quoteCalls = (await stack.soisyCalls()).filter((call) => call.path.endsWith('/loan-quotes'));
    expect(quoteCalls.length).toBe(2);
  });

  it('answers a back-office sync 504 within the budget', async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '1000', SOISY_CONNECT_TIMEOUT_MS: '500' });
    const token = await createOrder(stack);
    await injectFault(stack, { method: 'GET', path: '/shops/*/orders/*', times: 3, fault: frozen });
    const { res, elapsedMs } = await timed(() => request(stack.url).post(`/v1/orders/${token}/sync`).set('Authorization', `Bearer ${ADMIN_KEY}`));
    expect(res.status).toBe(504);
    expect(elapsedMs).toBeLessThan(1_500 + MARGIN_MS);
  });
});
