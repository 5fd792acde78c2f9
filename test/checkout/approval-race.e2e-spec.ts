import request from 'supertest';
import { CallbackConfirmationJob } from '../../src/callbacks/callback-confirmation.job.js';
import { CallbackConfirmations } from '../../src/callbacks/callback-confirmations.js';
import type { Order as EmulatorOrder } from '../../src/emulator/index.js';
import type { OrderViewDto } from '../../src/orders/order-view.dto.js';
import { query } from '../support/database.js';
import { jsonOf } from '../support/json.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADDITIONAL_DATA, approvalBody, injectFault, requestedOrder, waitUntil } from './support/checkout.js';

/**
 * Soisy fires its decision's callback (`LoanWasApproved`, `UserWasRejected`) while its answer to the
 * approval call is still on the way. Here the emulator holds the answer back long enough for the
 * callback to be received first. Its confirmation waits for the approval's answer, so the order,
 * its history and the merchant's events are the same whichever arrives first.
 */
describe('an approval whose callback arrives before its answer', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ SOISY_TIMEOUT_MS: '10000' });
  });
  afterAll(() => stack.close());

  const holdBackTheAnswer = (ms: number) =>
    injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests/*', fault: { type: 'delay', ms }, afterProcessing: true });

  it('records the answer with Soisy\'s figures first, then the callback; the merchant\'s order.approved carries the figures', async () => {
    const token = await requestedOrder(stack);
    await holdBackTheAnswer(1500);

    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: true, status: 'approved', redirectUrl: expect.any(String), netAmount: expect.any(Number) });
    expect(await callbackReceived(token, 'LoanWasApproved')).toBe(true);
    // Confirmed against the order as the answer left it: nothing left to apply.
    await waitUntil('the callback is confirmed', async () => (await typesOf(token)).includes('callback.LoanWasApproved.unchanged'));
    const order = await orderOf(token);
    expect(order).toMatchObject({ status: 'approved', redirectUrl: res.body.redirectUrl, netAmount: res.body.netAmount });
    expect(order.events.filter((event) => event.type === 'approval.approved')).toEqual([
      expect.objectContaining({ fromStatus: 'requested', toStatus: 'approved', source: 'api' }),
    ]);
    const types = order.events.map((event) => event.type);
    expect(types.indexOf('callback.LoanWasApproved.unchanged')).toBeGreaterThan(types.indexOf('approval.approved'));
    expect(types).not.toContain('callback.LoanWasApproved');
    const [approved, ...more] = await merchantEvents(token, 'order.approved');
    expect(more).toEqual([]);
    expect(approved).toMatchObject({ status: 'approved', netAmount: res.body.netAmount, paymentDayOfMonth: res.body.paymentDayOfMonth, redirectUrl: res.body.redirectUrl });
  });

  it('ends a refusal `refused` (order.refused) when Soisy\'s UserWasRejected arrives before the answer', async () => {
    const token = await requestedOrder(stack, 1_200_000); // above the emulator's approval limit, and its additional-data threshold
    await holdBackTheAnswer(1500);

    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(ADDITIONAL_DATA));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: false, status: 'refused' });
    expect(await callbackReceived(token, 'UserWasRejected')).toBe(true);
    await waitUntil('the callback is confirmed', async () => (await typesOf(token)).some((type) => type.startsWith('callback.UserWasRejected')));
    expect((await orderOf(token)).status).toBe('refused');
    expect((await merchantEvents(token)).map((event) => event.type)).toEqual(['order.created', 'order.requested', 'order.refused']);
  });

  it('ends a refusal `refused` (order.refused) when the approval\'s answer is lost and Soisy\'s UserWasRejected tells it', async () => {
    const token = await requestedOrder(stack, 1_200_000);
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests/*', fault: { type: 'drop' }, afterProcessing: true });

    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(ADDITIONAL_DATA));

    expect(res.status).toBe(502);
    await waitUntil('the callback refused the order', async () => (await orderOf(token)).status !== 'requested');
    expect((await orderOf(token)).status).toBe('refused');
    expect((await merchantEvents(token)).map((event) => event.type)).toEqual(['order.created', 'order.requested', 'order.refused']);
  });

  it('keeps Get order\'s net amount when the approval\'s answer is lost and LoanWasApproved applies the approval, for the order and its order.approved', async () => {
    const token = await requestedOrder(stack);
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests/*', fault: { type: 'drop' }, afterProcessing: true });

    const res = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());

    expect(res.status).toBe(502);
    await waitUntil('the callback approved the order', async () => (await orderOf(token)).status === 'approved');
    expect(await orderOf(token)).toMatchObject({ status: 'approved', netAmount: 98000 });
    const [approved] = await merchantEvents(token, 'order.approved');
    expect(approved).toMatchObject({ status: 'approved', netAmount: 98000 });
  });

  it('answers approved, then lets the callbacks that arrived meanwhile complete the order', async () => {
    const token = await requestedOrder(stack);
    await holdBackTheAnswer(3000);
    const answer = request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).then((res) => res);

    // While Soisy's answer is held back, the shopper signs in Soisy's funnel: RequestCompleted is sent.
    await waitUntil('Soisy has approved', async () => (await emulatorOrder(token)).status === 'request_accepted');
    await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: 'RequestCompleted' }),
    });
    expect(await callbackReceived(token, 'RequestCompleted')).toBe(true);
    expect((await orderOf(token)).status).toBe('requested');

    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: true, status: 'approved', redirectUrl: expect.any(String), netAmount: 98000 });
    await waitUntil('the callbacks completed the order', async () => (await orderOf(token)).status === 'completed', 10_000);
    const order = await orderOf(token);
    expect(order).toMatchObject({ redirectUrl: res.body.redirectUrl, netAmount: res.body.netAmount });
    expect(order.events.find((event) => event.type === 'approval.approved')).toMatchObject({ fromStatus: 'requested', toStatus: 'approved' });
    expect((await merchantEvents(token)).map((event) => event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.completed']);
  });

  it('confirms a waiting callback once when the step\'s claim expires (its holder died) and the confirmation job takes the callback over meanwhile', async () => {
    const token = await waitingCallback();
    // The waiting confirmation's lease has passed (as when its instance stalls): the job takes it over.
    await query(stack.db.url, `UPDATE received_callbacks SET "confirmLeaseUntil" = now() - interval '1 second' WHERE "orderToken" = $1`, [token]);
    await injectFault(stack, { method: 'GET', path: '/shops/partnershop/orders/*', fault: { type: 'delay', ms: 1500 } });

    await stack.app.get(CallbackConfirmationJob).runOnce();
    await stack.app.get(CallbackConfirmations).drain();

    expect((await typesOf(token)).filter((type) => type.startsWith('callback.LoanWasApproved'))).toEqual(['callback.LoanWasApproved']);
    const getOrders = (await stack.soisyCalls()).filter((call) => call.method === 'GET' && call.path === `/shops/partnershop/orders/${token}`);
    expect(getOrders).toHaveLength(1);
    expect((await orderOf(token)).status).toBe('approved');
  });

  it('leaves a waiting callback that another instance claimed meanwhile to that instance, once the step\'s claim is over', async () => {
    const token = await waitingCallback();
    // Another instance's confirmation job claimed it (a claim counts an attempt) and is confirming it.
    await query(stack.db.url, `UPDATE received_callbacks SET "confirmAttempts" = "confirmAttempts" + 1,
      "confirmLeaseUntil" = now() + interval '1 minute' WHERE "orderToken" = $1`, [token]);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // this instance's rechecks run meanwhile

    expect((await typesOf(token)).filter((type) => type.startsWith('callback.LoanWasApproved'))).toEqual([]);
    const [callback] = await query<{ confirmedAt: Date | null }>(stack.db.url, 'SELECT "confirmedAt" FROM received_callbacks WHERE "orderToken" = $1', [token]);
    expect(callback!.confirmedAt).toBeNull();
  });

  /** An order whose approval's instance died mid-call (its claim runs out in a second), and a LoanWasApproved waiting for it. */
  async function waitingCallback(): Promise<string> {
    const token = await requestedOrder(stack);
    await query(stack.db.url, `UPDATE orders SET "stepClaim" = 'approval', "stepClaimId" = gen_random_uuid(),
      "stepClaimExpiresAt" = now() + interval '1 second' WHERE token = $1`, [token]);
    await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: 'LoanWasApproved' }),
    });
    expect(await callbackReceived(token, 'LoanWasApproved')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the claim has run out
    return token;
  }

  async function emulatorOrder(token: string): Promise<EmulatorOrder> {
    return jsonOf<EmulatorOrder>(fetch(`${stack.emulator.url}/__emulator/orders/${token}`));
  }

  async function orderOf(token: string): Promise<OrderViewDto> {
    return (await request(stack.url).get(`/v1/orders/${token}`).expect(200)).body;
  }

  async function typesOf(token: string): Promise<string[]> {
    return (await orderOf(token)).events.map((event) => event.type);
  }

  /** Whether the service has received Soisy's callback (recorded, whether confirmed yet or not). */
  async function callbackReceived(token: string, eventId: string): Promise<boolean> {
    await waitUntil(`${eventId} received`, async () => (await query(stack.db.url,
      'SELECT 1 FROM received_callbacks WHERE "orderToken" = $1 AND "eventId" = $2', [token, eventId])).length > 0);
    return true;
  }

  /** The merchant events of the order, oldest first: their type and the view's status and figures. */
  async function merchantEvents(token: string, type?: string) {
    const rows = await query<{ type: string; data: OrderViewDto }>(stack.db.url,
      'SELECT type, payload->\'data\' AS data FROM merchant_events WHERE "orderToken" = $1 ORDER BY sequence', [token]);
    return rows.filter((row) => type === undefined || row.type === type).map((row) => ({ type: row.type, ...row.data }));
  }
});
