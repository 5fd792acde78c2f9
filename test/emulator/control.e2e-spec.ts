import type { RunningEmulator } from '../../src/emulator/index.js';
import { callbackReceiver, control, createOrder, emulator, get, orders, post, requestFields } from './support.js';

describe('Emulator: control API', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it('logs every API call, newest last, with method, path, status, time and body', async () => {
    const token = await createOrder(emu, { orderReference: 'A' });
    await post(`${orders(emu)}/${token}/match-trigger`, { amount: 100000 }, { encoding: 'form' });
    await get(`${orders(emu)}/nope`);
    const log = (await control(emu, 'GET', '/requests')).body;
    expect(log).toEqual([
      expect.objectContaining({ method: 'POST', path: '/shops/partnershop/orders', status: 200, body: { amount: 100000, instalments: 12, orderReference: 'A' } }),
      expect.objectContaining({ method: 'POST', path: `/shops/partnershop/orders/${token}/match-trigger`, status: 204, body: { amount: '100000' } }),
      expect.objectContaining({ method: 'GET', path: '/shops/partnershop/orders/nope', status: 404 }),
    ]);
    expect(Date.parse(log[0].at)).not.toBeNaN();
  });

  it('serves and logs a call made from a base URL with a trailing slash like any other', async () => {
    const answer = await post(`${emu.apiUrl}//shops/partnershop/orders/`, {});
    expect(answer.status).toBe(200);
    expect((await control(emu, 'GET', '/requests')).body[0].path).toBe('/shops/partnershop/orders');
  });

  it('never records the X-Auth-Token', async () => {
    await createOrder(emu);
    expect(JSON.stringify((await control(emu, 'GET', '/requests')).body)).not.toContain('partnerkey');
  });

  it('logs calls to unknown API paths and rejected ones, but not funnel or control calls', async () => {
    await get(`${emu.apiUrl}/nothing-here`);
    await post(orders(emu), {}, { token: 'wrong' });
    await fetch(`${emu.url}/funnel/partnershop`);
    await control(emu, 'GET', '/orders');
    expect((await control(emu, 'GET', '/requests')).body.map((call: { path: string; status: number }) => [call.path, call.status])).toEqual([
      ['/nothing-here', 404],
      ['/shops/partnershop/orders', 403],
    ]);
  });

  it('shows an order\'s full internal state, and 404 for an unknown one', async () => {
    const token = await createOrder(emu);
    expect((await control(emu, 'GET', `/orders/${token}`)).body).toMatchObject({ token, instalmentsFixed: true, matchTriggers: [], funnelOutcome: null });
    expect((await control(emu, 'GET', '/orders/nope')).status).toBe(404);
  });

  it('lists loan requests with their evaluation', async () => {
    await post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields());
    expect((await control(emu, 'GET', '/loan-requests')).body).toEqual([
      expect.objectContaining({ fiscalCode: 'AAAAAA80A01A123B', amount: 100000, additionalDataNeeded: false, approval: null }),
    ]);
  });

  it('forgets orders, requests, the call log, callbacks and faults on reset', async () => {
    const merchant = await callbackReceiver();
    try {
      const token = await createOrder(emu, { callbackUrl: merchant.url });
      await post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields());
      await control(emu, 'POST', `/orders/${token}/events`, { eventId: 'LoanWasVerified' });
      await control(emu, 'POST', '/faults', { path: '/**', fault: { type: 'status', status: 500 } });
      await emu.flushCallbacks();
      expect((await control(emu, 'POST', '/reset')).status).toBe(200);
      for (const path of ['/orders', '/loan-requests', '/requests', '/callbacks', '/faults']) expect((await control(emu, 'GET', path)).body).toEqual([]);
      expect((await get(`${orders(emu)}/${token}`)).status).toBe(404);
      expect((await post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields())).status).toBe(201);
    } finally {
      await merchant.close();
    }
  });

  it('clears only the call log on DELETE /__emulator/requests', async () => {
    const token = await createOrder(emu);
    await control(emu, 'DELETE', '/requests');
    expect((await control(emu, 'GET', '/requests')).body).toEqual([]);
    expect((await get(`${orders(emu)}/${token}`)).status).toBe(200);
  });

  it('keeps only the newest calls beyond the configured log limit, numbering them on', async () => {
    const small = await emulator({ requestLogLimit: 2 });
    try {
      for (let i = 0; i < 3; i++) await get(`${small.apiUrl}/shops/partnershop`, {});
      expect((await control(small, 'GET', '/requests')).body.map((call: { seq: number }) => call.seq)).toEqual([2, 3]);
    } finally {
      await small.close();
    }
  });

  it('keeps the control API out of /api', async () => {
    expect((await get(`${emu.apiUrl}/__emulator/requests`)).status).toBe(404);
  });
});
