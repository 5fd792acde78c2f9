import request from 'supertest';
import type { Order as EmulatorOrder } from '../../src/emulator/index.js';
import type { OrderViewDto } from '../../src/orders/order-view.dto.js';
import { jsonOf } from '../support/json.js';
import { startStack, type Stack } from '../support/stack.js';
import { approvalBody, injectFault, requestedOrder, settleCallbacks, waitUntil } from './support/checkout.js';

/**
 * Soisy fires `LoanWasApproved` while its approval answer is still on the way. Here the emulator
 * holds the answer back long enough for the callback to be received and confirmed first.
 */
describe('an approval whose callback arrives before its answer', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '10000' });
  });
  afterAll(() => stack.close());

  it('still answers approved to the shopper and keeps Soisy\'s figures', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, {
      method: 'POST',
      path: '/shops/partnershop/requests/*',
      fault: { type: 'delay', ms: 1500 },
      afterProcessing: true,
    });

    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: true, status: 'approved', redirectUrl: expect.any(String), netAmount: expect.any(Number) });
    await settleCallbacks(stack);
    const order = await orderOf(token);
    expect(order).toMatchObject({ status: 'approved', redirectUrl: res.body.redirectUrl, netAmount: res.body.netAmount });
    const types = order.events.map((event) => event.type);
    // The callback moved the order first; the approval route's event follows, the status unchanged.
    expect(types.indexOf('callback.LoanWasApproved')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('approval.approved')).toBeGreaterThan(types.indexOf('callback.LoanWasApproved'));
    const approval = order.events.find((event) => event.type === 'approval.approved');
    expect(approval).toMatchObject({ fromStatus: 'approved', toStatus: 'approved', source: 'api' });
  });

  it('answers the order\'s stored status when Soisy\'s callbacks completed the order before the answer', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, {
      method: 'POST',
      path: '/shops/partnershop/requests/*',
      fault: { type: 'delay', ms: 6000 },
      afterProcessing: true,
    });
    const answer = request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).then((res) => res);

    // While Soisy's answer is held back, the shopper signs in Soisy's funnel: callbacks complete the order.
    await waitUntil('Soisy has approved', async () => (await emulatorOrder(token)).status === 'request_accepted');
    await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: 'RequestCompleted' }),
    });
    await waitUntil('the callbacks completed the order', async () => (await orderOf(token)).status === 'completed');
    expect((await soisyApprovalCalls()).at(-1)?.status).toBeNull();

    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: true, status: 'completed', redirectUrl: expect.any(String), netAmount: 98000 });
    const order = await orderOf(token);
    expect(order).toMatchObject({ status: res.body.status, redirectUrl: res.body.redirectUrl, netAmount: res.body.netAmount });
    expect(order.events.find((event) => event.type === 'approval.approved')).toMatchObject({ fromStatus: 'completed', toStatus: 'completed' });
  });

  async function emulatorOrder(token: string): Promise<EmulatorOrder> {
    return jsonOf<EmulatorOrder>(fetch(`${stack.emulator.url}/__emulator/orders/${token}`));
  }

  async function orderOf(token: string): Promise<OrderViewDto> {
    return (await request(stack.url).get(`/v1/orders/${token}`).expect(200)).body;
  }

  async function soisyApprovalCalls() {
    return (await stack.soisyCalls()).filter((call) => call.method === 'POST' && /^\/shops\/partnershop\/requests\/[^/]+$/.test(call.path));
  }
});
