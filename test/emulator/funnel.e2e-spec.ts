import type { FunnelResult } from '../../src/emulator/funnel-actions.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { jsonOf } from '../support/json.js';
import { callbackReceiver, createOrder, emulator, get, orders, type Receiver } from './support.js';

describe('Emulator: the funnel at redirectUrl', () => {
  let emu: RunningEmulator;
  let merchant: Receiver;
  beforeAll(async () => {
    emu = await emulator();
    merchant = await callbackReceiver();
  });
  afterAll(async () => {
    await emu.close();
    await merchant.close();
  });
  beforeEach(() => {
    emu.reset();
    merchant.received.length = 0;
  });

  const urls = { successUrl: 'https://shop.test/ok', errorUrl: 'https://shop.test/ko' };
  const act = (token: string, action: 'complete' | 'abandon', body = '', accept = 'application/json') =>
    fetch(`${emu.url}/funnel/partnershop/orders/${token}/${action}`, {
      method: 'POST', redirect: 'manual', headers: { accept, 'content-type': 'application/x-www-form-urlencoded' }, body,
    });
  const status = async (token: string) => (await get(`${orders(emu)}/${token}`)).body.status;

  it('serves an HTML page with stable button ids at the redirectUrl', async () => {
    const token = await createOrder(emu);
    const redirectUrl = `${emu.url}/funnel/partnershop#/loan-request?token=${token}`;
    const response = await fetch(redirectUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const id of ['funnel-complete', 'funnel-abandon', 'funnel-status', 'funnel-amount']) expect(html).toContain(`id="${id}"`);
  });

  it('serves the same page without the hash, with the token in the query string', async () => {
    const response = await fetch(`${emu.url}/funnel/partnershop/loan-request?token=abc`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="funnel-complete"');
  });

  it('completes an order: approved, then signed, with LoanWasApproved and RequestCompleted callbacks, and sends the shopper to successUrl', async () => {
    const token = await createOrder(emu, { ...urls, callbackUrl: merchant.url });
    const response = await act(token, 'complete');
    expect(await response.json()).toEqual({ outcome: 'completed', status: 'waiting_for_verification', redirectUrl: urls.successUrl });
    expect(await status(token)).toBe('waiting_for_verification');
    await emu.flushCallbacks();
    expect(merchant.received.map((callback) => callback.body.eventId)).toEqual(['LoanWasApproved', 'RequestCompleted']);
  });

  it('completes an order already approved through the API with only RequestCompleted', async () => {
    const token = await createOrder(emu, { ...urls, callbackUrl: merchant.url });
    emu.context.state.orders.get(token)!.status = 'request_accepted';
    await act(token, 'complete');
    await emu.flushCallbacks();
    expect(merchant.received.map((callback) => callback.body.eventId)).toEqual(['RequestCompleted']);
  });

  it('refuses in the funnel above the approval limit: UserWasRejected, cancelled, errorUrl', async () => {
    const token = await createOrder(emu, { ...urls, callbackUrl: merchant.url, amount: 1100000 });
    const result = await (await act(token, 'complete')).json();
    expect(result).toEqual({ outcome: 'refused', status: 'cancelled', redirectUrl: urls.errorUrl });
    await emu.flushCallbacks();
    expect(merchant.received.map((callback) => callback.body.eventId)).toEqual(['UserWasRejected']);
  });

  it('abandons an order: no callback, status unchanged, errorUrl', async () => {
    const token = await createOrder(emu, { ...urls, callbackUrl: merchant.url });
    const result = await (await act(token, 'abandon')).json();
    expect(result).toEqual({ outcome: 'abandoned', status: 'quote', redirectUrl: urls.errorUrl });
    await emu.flushCallbacks();
    expect(merchant.received).toEqual([]);
    expect(emu.context.state.orders.get(token)?.funnelOutcome).toBe('abandoned');
  });

  it('redirects with 303 to successUrl or errorUrl when not asked for JSON, as after a form submit', async () => {
    const completed = await createOrder(emu, urls);
    const abandoned = await createOrder(emu, urls);
    const done = await act(completed, 'complete', '', 'text/html');
    const left = await act(abandoned, 'abandon', '', 'text/html');
    expect([done.status, done.headers.get('location')]).toEqual([303, urls.successUrl]);
    expect([left.status, left.headers.get('location')]).toEqual([303, urls.errorUrl]);
  });

  it('lets the shopper choose the amount and instalments when the order fixed neither', async () => {
    const token = await createOrder(emu, { amount: '', instalments: '' });
    expect((await act(token, 'complete')).status).toBe(400);
    await act(token, 'complete', 'amount=40000&instalments=6');
    expect((await get(`${orders(emu)}/${token}`)).body).toMatchObject({ loanAmount: 40000, instalmentsNumber: 6, status: 'waiting_for_verification' });
  });

  it('sends the shopper to the emulator\'s own end page when the order has no merchant URLs', async () => {
    const token = await createOrder(emu);
    const result = await jsonOf<FunnelResult>(act(token, 'complete'));
    expect(result.redirectUrl).toBe(`${emu.url}/funnel/finished?outcome=completed`);
    expect(await (await fetch(result.redirectUrl)).text()).toContain('id="funnel-finished"');
  });

  it('answers 404 to funnel actions on an unknown order', async () => {
    expect((await act('nope', 'complete')).status).toBe(404);
  });
});
