import type { RunningEmulator } from '../../src/emulator/index.js';
import { createOrder, emulator, get, orders, post, SAMPLE_FISCAL_CODE } from './support.js';

describe('Emulator: authentication', () => {
  let emu: RunningEmulator;
  let token: string;
  beforeAll(async () => {
    emu = await emulator({ shops: [{ id: 'myshop', token: 'mykey', active: true, zeroInterestRate: false }] });
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    emu.reset();
    token = (await post(orders(emu, 'myshop'), {}, { token: 'mykey' })).body.token;
  });

  const calls: [string, (shop: string, key: string | null) => Promise<{ status: number; body: unknown }>][] = [
    ['create order', (shop, key) => post(orders(emu, shop), {}, { token: key })],
    ['get order', (shop, key) => get(`${orders(emu, shop)}/${token}`, key ? { 'X-Auth-Token': key } : {})],
    ['order list', (shop, key) => get(orders(emu, shop), { accept: 'text/csv', ...(key ? { 'X-Auth-Token': key } : {}) })],
    ['create request', (shop, key) => post(`${emu.apiUrl}/shops/${shop}/requests`, {}, { token: key })],
    ['approval', (shop, key) => post(`${emu.apiUrl}/shops/${shop}/requests/${SAMPLE_FISCAL_CODE}`, {}, { token: key })],
    ['match-trigger', (shop, key) => post(`${orders(emu, shop)}/${token}/match-trigger`, { amount: 1 }, { token: key })],
  ];

  it.each(calls)('answers %s with a wrong token with 403 {"error": "Access denied"}', async (_name, call) => {
    const answer = await call('myshop', 'wrongkey');
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'Access denied' });
  });

  it.each(calls)('answers %s without a token with 403', async (_name, call) => {
    expect((await call('myshop', null)).status).toBe(403);
  });

  it.each(calls)('answers %s for an unknown shop with 403, even with a known key', async (_name, call) => {
    expect((await call('partnershop', 'mykey')).status).toBe(403);
  });

  it('accepts the configured shop and key', async () => {
    expect((await post(orders(emu, 'myshop'), {}, { token: 'mykey' })).status).toBe(200);
  });

  it('uses Soisy\'s public sandbox credentials by default', async () => {
    const defaults = await emulator();
    try {
      expect(await createOrder(defaults)).toEqual(expect.any(String));
    } finally {
      await defaults.close();
    }
  });
});
