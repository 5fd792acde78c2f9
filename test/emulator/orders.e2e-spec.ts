import type { RunningEmulator } from '../../src/emulator/index.js';
import { createOrder, emulator, get, orders, post } from './support.js';

describe('Emulator: get order, order list and match-trigger', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator({ shops: [
      { id: 'partnershop', token: 'partnerkey', active: true, zeroInterestRate: false },
      { id: 'othershop', token: 'otherkey', active: true, zeroInterestRate: true },
    ] });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it('returns the full order shape Soisy documents', async () => {
    const token = await createOrder(emu, {
      firstname: 'Carlo', lastname: 'Rossi', email: 'c@example.com', mobilePhone: '3491234567', city: 'Milano', province: 'MI',
      address: 'Via Sassetti', civicNumber: '32', postalCode: '20124', vatId: '12345678901', vatCountry: 'IT',
      successUrl: 'https://shop.test/ok', errorUrl: 'https://shop.test/ko', callbackUrl: 'https://shop.test/cb', orderReference: 'R-9',
    });
    const answer = await get(`${orders(emu)}/${token}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      shopOrderId: 1, token, shopId: 'partnershop', firstname: 'Carlo', lastname: 'Rossi', fiscalCode: null, vatId: '12345678901',
      vatCountry: 'IT', email: 'c@example.com', mobilePhone: '3491234567',
      address: { city: 'Milano', province: 'MI', address: 'Via Sassetti', civicNumber: '32', postalCode: '20124' },
      loanFinality: 'ecommerce_shop', instalmentsNumber: 12, loanAmount: 100000, loanNetAmount: null, status: 'quote',
      zeroInterestRate: false, errorUrl: 'https://shop.test/ko', successUrl: 'https://shop.test/ok', callbackUrl: 'https://shop.test/cb',
      orderReference: 'R-9', createdAt: expect.any(String), updatedAt: expect.any(String), loanDisbursedAt: null, loanVerifiedAt: null, loanSignedAt: null,
    });
  });

  it('answers 404 for an unknown token', async () => {
    const answer = await get(`${orders(emu)}/doesnotexist`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: { domain: ['Order not found'] } });
  });

  it('answers 404 for another shop\'s order, even with valid credentials', async () => {
    const token = await createOrder(emu);
    const answer = await get(`${orders(emu, 'othershop')}/${token}`, { 'X-Auth-Token': 'otherkey' });
    expect(answer.status).toBe(404);
  });

  it('takes the shop\'s zero-interest setting when the order does not say', async () => {
    const answer = await post(orders(emu, 'othershop'), { amount: 50000 }, { token: 'otherkey' });
    const order = await get(`${orders(emu, 'othershop')}/${answer.body.token}`, { 'X-Auth-Token': 'otherkey' });
    expect(order.body.zeroInterestRate).toBe(true);
  });

  it('lists the shop\'s orders as CSV when asked for text/csv', async () => {
    const token = await createOrder(emu, { orderReference: 'with, comma' });
    await post(orders(emu, 'othershop'), {}, { token: 'otherkey' });
    const answer = await get(orders(emu), { 'X-Auth-Token': 'partnerkey', accept: 'text/csv' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = answer.text.trim().split('\n');
    expect(lines[0]).toBe('shopOrderId,token,orderReference,status,loanAmount,loanNetAmount,instalmentsNumber,zeroInterestRate,firstname,lastname,email,createdAt,updatedAt,loanDisbursedAt');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^1,${token},"with, comma",quote,100000,,12,false,`));
  });

  it('answers 400 to the order list without Accept: text/csv', async () => {
    const answer = await get(orders(emu), { 'X-Auth-Token': 'partnerkey', accept: 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: { domain: ['Only text/csv is available for the order list'] } });
  });

  it('answers match-trigger with 204 and no body, and records the amount', async () => {
    const token = await createOrder(emu);
    const answer = await post(`${orders(emu)}/${token}/match-trigger`, { amount: 100000 }, { encoding: 'form' });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(emu.context.state.orders.get(token)?.matchTriggers).toEqual([{ amount: 100000, at: expect.any(String) }]);
  });

  it('answers match-trigger for an unknown token with 404', async () => {
    const answer = await post(`${orders(emu)}/nope/match-trigger`, { amount: 100000 });
    expect(answer.status).toBe(404);
  });

  it('answers match-trigger without an amount with a field error', async () => {
    const token = await createOrder(emu);
    const answer = await post(`${orders(emu)}/${token}/match-trigger`, {});
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: { amount: ['Questo valore non dovrebbe essere vuoto.'] } });
  });

  it('accepts a match-trigger POST with a JSON content type and an empty body as a call with no fields', async () => {
    const token = await createOrder(emu);
    const response = await fetch(`${orders(emu)}/${token}/match-trigger?amount=100000`, {
      method: 'POST', headers: { 'X-Auth-Token': 'partnerkey', 'content-type': 'application/json' },
    });
    expect(response.status).toBe(204);
  });
});
