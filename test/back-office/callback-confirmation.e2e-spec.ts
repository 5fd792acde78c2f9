import { CallbackConfirmationJob } from '../../src/callbacks/callback-confirmation.job.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { fireEvent, injectFault, orderOf, settleCallbacks, startBackOfficeStack, type FakeClock } from './support/back-office.js';
import { createdOrder } from './support/checkout.js';
import { startSecondInstance } from './support/second-instance.js';

interface CallbackRow {
  confirmedAt: Date | null;
  confirmLastError: string | null;
  confirmAttempts: number;
}

/** A callback answered but not confirmed (Get order failed, or the instance died) is not left to reconciliation. */
describe('confirming a received callback', () => {
  let stack: Stack;
  let clock: FakeClock;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ RECOVERY_INTERVAL_SECONDS: '5' }));
  });
  afterAll(() => stack.close());

  const callbackRow = async (token: string): Promise<CallbackRow> =>
    (await query<CallbackRow>(stack.db.url, 'SELECT "confirmedAt", "confirmLastError", "confirmAttempts" FROM received_callbacks WHERE "orderToken" = $1', [token]))[0];

  /** An order with a LoanWasApproved callback answered whose confirmation failed (Get order answered 500). */
  async function unconfirmedCallback(eventDate: string): Promise<string> {
    const token = await createdOrder(stack);
    await injectFault(stack, { method: 'GET', path: `/shops/partnershop/orders/${token}`, fault: { type: 'status', status: 500 }, times: 3 });
    await fireEvent(stack, token, 'LoanWasApproved', { eventDate });
    expect(await callbackRow(token)).toMatchObject({ confirmedAt: null, confirmLastError: 'SOISY.UPSTREAM_ERROR' });
    expect((await orderOf(stack, token)).status).toBe('created');
    return token;
  }

  it('is confirmed when Soisy sends the same callback again, which is still answered as a duplicate', async () => {
    const token = await unconfirmedCallback('2026-11-29 09:00:00');
    await fireEvent(stack, token, 'LoanWasApproved', { eventDate: '2026-11-29 09:00:00' });
    const delivered = (await settleCallbacks(stack)).filter((callback) => callback.orderToken === token);
    expect(delivered.map((callback) => callback.responseStatus)).toEqual([200, 200]);
    expect((await orderOf(stack, token)).status).toBe('approved');
    expect(await callbackRow(token)).toMatchObject({ confirmedAt: expect.any(Date), confirmLastError: null, confirmAttempts: 2 });
  });

  it('is retried by the confirmation job of exactly one replica once its retry time has come', async () => {
    const token = await unconfirmedCallback('2026-11-29 09:05:00');
    const job = stack.app.get(CallbackConfirmationJob);
    expect(await job.runOnce()).toBe(0);

    const replica = await startSecondInstance(stack, clock);
    try {
      clock.advance(5_000);
      const claimed = await Promise.all([job.runOnce(), replica.app.get(CallbackConfirmationJob).runOnce()]);
      expect(claimed[0] + claimed[1]).toBe(1);
    } finally {
      await replica.close();
    }
    expect((await orderOf(stack, token)).status).toBe('approved');
    expect(await callbackRow(token)).toMatchObject({ confirmedAt: expect.any(Date), confirmAttempts: 2 });
    const confirmations = (await orderOf(stack, token)).events.filter((event) => event.type === 'callback.LoanWasApproved');
    expect(confirmations).toHaveLength(1);
  });
});
