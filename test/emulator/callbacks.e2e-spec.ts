import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  approvalFields, callbackReceiver, control, createOrder, emulator, get, orders, post, type Receiver, requestFields, SAMPLE_FISCAL_CODE,
} from './support.js';

const EVENT_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('Emulator: callbacks and the order lifecycle', () => {
  let emu: RunningEmulator;
  let merchant: Receiver;
  beforeAll(async () => {
    emu = await emulator({ callbackTimeoutMs: 300 });
    merchant = await callbackReceiver();
  });
  afterAll(async () => {
    await emu.close();
    await merchant.close();
  });
  beforeEach(() => {
    emu.reset();
    merchant.received.length = 0;
    merchant.status = 200;
    merchant.delayMs = 0;
  });

  const approve = async (token: string, amount = 100000) => {
    await post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields({ amount }));
    return post(`${emu.apiUrl}/shops/partnershop/requests/${SAMPLE_FISCAL_CODE}`, approvalFields(token, { amount }));
  };
  const fire = (token: string, body: Record<string, unknown>) => control(emu, 'POST', `/orders/${token}/events`, body);

  it('posts LoanWasApproved as a form to the callbackUrl when the API approves', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url, orderReference: 'WC-42' });
    await approve(token);
    await control(emu, 'POST', '/callbacks/flush');
    expect(merchant.received).toEqual([{
      contentType: 'application/x-www-form-urlencoded',
      body: { eventId: 'LoanWasApproved', eventMessage: 'loan approved', eventDate: expect.stringMatching(EVENT_DATE), orderToken: token, orderReference: 'WC-42' },
    }]);
  });

  it('posts UserWasRejected when the API refuses', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url, amount: 1200000 });
    await post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields({ amount: 1200000 }));
    await post(`${emu.apiUrl}/shops/partnershop/requests/${SAMPLE_FISCAL_CODE}`, approvalFields(token, {
      amount: 1200000, residence: 'rent', residenceStartDate: '01/2001', educationalQualification: 'diploma', children: '0', salaryType: 'net-monthly', salary: 2000,
    }));
    await emu.flushCallbacks();
    expect(merchant.received.map((callback) => callback.body.eventId)).toEqual(['UserWasRejected']);
  });

  it('walks the order through verification and disbursement on demand, with amount on LoanWasDisbursed', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url, orderReference: 'R1' });
    await approve(token);
    await fire(token, { eventId: 'RequestCompleted' });
    expect((await get(`${orders(emu)}/${token}`)).body).toMatchObject({ status: 'waiting_for_verification', loanSignedAt: expect.any(String) });
    await fire(token, { eventId: 'LoanWasVerified' });
    expect((await get(`${orders(emu)}/${token}`)).body).toMatchObject({ status: 'waiting_for_disbursement', loanVerifiedAt: expect.any(String) });
    const disbursed = await fire(token, { eventId: 'LoanWasDisbursed' });
    expect(disbursed.status).toBe(200);
    expect(disbursed.body.order).toMatchObject({ status: 'disbursed', loanDisbursedAt: expect.any(String) });
    await emu.flushCallbacks();
    expect(merchant.received.map((callback) => [callback.body.eventId, callback.body.eventMessage])).toEqual([
      ['LoanWasApproved', 'loan approved'],
      ['RequestCompleted', 'waiting for verification'],
      ['LoanWasVerified', 'waiting for disbursement'],
      ['LoanWasDisbursed', 'payment received'],
    ]);
    expect(merchant.received[3].body.amount).toBe('100000');
    expect(merchant.received[2].body.amount).toBeUndefined();
  });

  it('sends the amount and eventDate given to the control API, so tests can provoke a mismatch or a duplicate', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url });
    await fire(token, { eventId: 'LoanWasDisbursed', amount: 99999, eventDate: '2024-01-02 03:04:05' });
    await fire(token, { eventId: 'LoanWasDisbursed', amount: 99999, eventDate: '2024-01-02 03:04:05' });
    await emu.flushCallbacks();
    expect(merchant.received).toHaveLength(2);
    expect(merchant.received[1].body).toMatchObject({ amount: '99999', eventDate: '2024-01-02 03:04:05' });
  });

  it('cancels the order on UserWasRejected fired by hand', async () => {
    const token = await createOrder(emu);
    await fire(token, { eventId: 'UserWasRejected' });
    expect((await get(`${orders(emu)}/${token}`)).body.status).toBe('cancelled');
  });

  it('records the merchant\'s answer code for each callback', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url });
    merchant.status = 500;
    await fire(token, { eventId: 'LoanWasVerified' });
    const records = (await control(emu, 'POST', '/callbacks/flush')).body;
    expect(records).toEqual([expect.objectContaining({ orderToken: token, eventId: 'LoanWasVerified', state: 'delivered', responseStatus: 500, url: merchant.url })]);
  });

  it('records a callback that cannot be delivered as failed, without failing the API call', async () => {
    const token = await createOrder(emu, { callbackUrl: 'http://127.0.0.1:9/unreachable' });
    expect((await approve(token)).status).toBe(201);
    await emu.flushCallbacks();
    expect((await control(emu, 'GET', `/callbacks?orderToken=${token}`)).body).toEqual([
      expect.objectContaining({ eventId: 'LoanWasApproved', state: 'failed', responseStatus: null, error: expect.any(String) }),
    ]);
  });

  it('answers the API call at once while a slow merchant is still being called, and gives up after the timeout', async () => {
    const token = await createOrder(emu, { callbackUrl: merchant.url });
    merchant.delayMs = 1000;
    expect((await approve(token)).status).toBe(201);
    // Still pending: the answer did not wait for the merchant.
    expect((await control(emu, 'GET', '/callbacks')).body[0].state).toBe('pending');
    await emu.flushCallbacks();
    expect((await control(emu, 'GET', '/callbacks')).body[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/timeout|abort/i) });
  });

  it('records a callback for an order without callbackUrl as skipped, and still advances the order', async () => {
    const token = await createOrder(emu);
    const answer = await fire(token, { eventId: 'LoanWasVerified' });
    expect(answer.body.callback).toMatchObject({ state: 'skipped', url: null });
    expect(answer.body.order.status).toBe('waiting_for_disbursement');
  });

  it('answers 400 to an unknown eventId and 404 to an unknown order', async () => {
    const token = await createOrder(emu);
    expect((await fire(token, { eventId: 'LoanWasInvented' })).status).toBe(400);
    expect((await fire('nope', { eventId: 'LoanWasVerified' })).status).toBe(404);
  });
});
