import type { RunningEmulator } from '../../src/emulator/index.js';
import { quote } from '../../src/emulator/quotes.js';
import { emulator, get } from './support.js';

describe('Emulator: loan quotes and shop info (no token)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator({ shops: [
      { id: 'partnershop', token: 'partnerkey', active: true, zeroInterestRate: false },
      { id: 'zeroshop', token: 'zerokey', active: false, zeroInterestRate: true, maxLoanInstalmentsNumber: 24 },
    ] });
  });
  afterAll(() => emu.close());
  const quotes = (query: string, shop = 'partnershop') => get(`${emu.apiUrl}/shops/${shop}/loan-quotes?${query}`, {});

  it('answers min, median and max quotes from the rate table, computed by the annuity formula in integer cents', async () => {
    const answer = await quotes('amount=100000&instalments=12');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      min: { fee: 0, interest: 3224, interestRate: 5.9, totalRepaid: 103224, apr: 6.06, instalmentAmount: 8602 },
      median: { fee: 0, interest: 5444, interestRate: 9.9, totalRepaid: 105444, apr: 10.36, instalmentAmount: 8787 },
      max: { fee: 0, interest: 7688, interestRate: 13.9, totalRepaid: 107688, apr: 14.82, instalmentAmount: 8974 },
    });
  });

  it('gives the shopper 0 % with zeroInterestRate=true', async () => {
    const answer = await quotes('amount=100000&instalments=3&zeroInterestRate=true');
    const zero = { fee: 0, interest: 0, interestRate: 0, totalRepaid: 100000, apr: 0, instalmentAmount: 33334 };
    expect(answer.body).toEqual({ min: zero, median: zero, max: zero });
  });

  it('uses the shop\'s zero-interest setting when the query does not say', async () => {
    const answer = await quotes('amount=60000&instalments=6', 'zeroshop');
    expect(answer.body.median.interestRate).toBe(0);
  });

  it('keeps every figure consistent: total = instalment × instalments, interest = total − amount', () => {
    for (const [amount, instalments, tan] of [[10000, 3, 5.9], [1500000, 60, 13.9], [333333, 7, 9.9]]) {
      const q = quote(amount, instalments, tan);
      expect(q.totalRepaid).toBe(q.instalmentAmount * instalments);
      expect(q.interest).toBe(q.totalRepaid - amount);
    }
  });

  it.each([
    ['a missing amount', 'instalments=12'],
    ['a missing instalments', 'amount=100000'],
    ['an amount below the minimum', 'amount=9999&instalments=12'],
    ['an amount above the maximum', 'amount=1500001&instalments=12'],
    ['a decimal amount', 'amount=1000.5&instalments=12'],
    ['too many instalments', 'amount=100000&instalments=61'],
    ['a non-boolean zeroInterestRate', 'amount=100000&instalments=12&zeroInterestRate=maybe'],
  ])('answers %s with 400 {"errors": {"domain": ["Invalid data."]}}', async (_case, query) => {
    const answer = await quotes(query);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: { domain: ['Invalid data.'] } });
  });

  it('caps instalments at the shop\'s maxLoanInstalmentsNumber', async () => {
    expect((await quotes('amount=100000&instalments=24', 'zeroshop')).status).toBe(200);
    expect((await quotes('amount=100000&instalments=25', 'zeroshop')).status).toBe(400);
  });

  it('answers 404 for quotes of an unknown shop', async () => {
    expect((await quotes('amount=100000&instalments=12', 'nosuchshop')).status).toBe(404);
  });

  it('lets any web page call loan quotes and shop info (CORS open)', async () => {
    const response = await fetch(`${emu.apiUrl}/shops/partnershop/loan-quotes?amount=100000&instalments=12`, { headers: { origin: 'https://store.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const info = await fetch(`${emu.apiUrl}/shops/partnershop`, { headers: { origin: 'https://store.example' } });
    expect(info.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a browser\'s CORS preflight for loan quotes', async () => {
    const response = await fetch(`${emu.apiUrl}/shops/partnershop/loan-quotes?amount=100000&instalments=12`, {
      method: 'OPTIONS', headers: { origin: 'https://store.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('does not open authenticated calls to other origins', async () => {
    const response = await fetch(`${emu.apiUrl}/shops/partnershop/orders/x`, { headers: { origin: 'https://store.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers shop info with active, maxLoanInstalmentsNumber and zeroInterestRate', async () => {
    expect((await get(`${emu.apiUrl}/shops/partnershop`, {})).body).toEqual({ active: true, maxLoanInstalmentsNumber: 60, zeroInterestRate: false });
    expect((await get(`${emu.apiUrl}/shops/zeroshop`, {})).body).toEqual({ active: false, maxLoanInstalmentsNumber: 24, zeroInterestRate: true });
  });

  it('answers shop info for an unknown shop with 404', async () => {
    expect((await get(`${emu.apiUrl}/shops/nosuchshop`, {})).status).toBe(404);
  });
});
