import type { RunningEmulator } from '../../src/emulator/index.js';
import { control, emulator, type Encoding, get, orders, post, SAMPLE_FISCAL_CODE } from './support.js';

describe('Emulator: create order', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it.each<Encoding>(['json', 'form', 'multipart', 'query'])('creates an order from a %s request and answers 200 with token and redirectUrl', async (encoding) => {
    const answer = await post(orders(emu), { amount: 120000, instalments: 10, orderReference: 'WC-1' }, { encoding });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ token: expect.stringMatching(/^[a-f0-9]{24}$/), redirectUrl: `${emu.url}/funnel/partnershop#/loan-request?token=${answer.body.token}` });
    const order = await get(`${orders(emu)}/${answer.body.token}`);
    expect(order.body).toMatchObject({ loanAmount: 120000, instalmentsNumber: 10, orderReference: 'WC-1', status: 'quote' });
  });

  it('accepts an order with no fields at all, since every field is optional', async () => {
    const answer = await post(orders(emu), {});
    expect(answer.status).toBe(200);
    const order = await get(`${orders(emu)}/${answer.body.token}`);
    expect(order.body).toMatchObject({ loanAmount: null, instalmentsNumber: null, zeroInterestRate: false });
  });

  it('treats empty strings as absent fields, as plugins send them', async () => {
    const answer = await post(orders(emu), { amount: '50000', instalments: '', fiscalCode: '', email: '', zeroInterestRate: '' }, { encoding: 'form' });
    expect(answer.status).toBe(200);
    const order = await get(`${orders(emu)}/${answer.body.token}`);
    expect(order.body).toMatchObject({ loanAmount: 50000, instalmentsNumber: null, fiscalCode: null, email: null });
  });

  it.each([['true', true], ['1', true], ['false', false], ['0', false]])('reads zeroInterestRate=%s as %s', async (raw, expected) => {
    const answer = await post(orders(emu), { zeroInterestRate: raw }, { encoding: 'form' });
    const order = await get(`${orders(emu)}/${answer.body.token}`);
    expect(order.body.zeroInterestRate).toBe(expected);
  });

  it('accepts both civicNumber and streetNumber for the street number, and installments for instalments', async () => {
    const civic = await post(orders(emu), { civicNumber: '12', installments: 6 });
    const street = await post(orders(emu), { streetNumber: '14' });
    expect((await get(`${orders(emu)}/${civic.body.token}`)).body).toMatchObject({ address: { civicNumber: '12' }, instalmentsNumber: 6 });
    expect((await get(`${orders(emu)}/${street.body.token}`)).body.address.civicNumber).toBe('14');
  });

  it('prefers the body over the query string when a POST carries a field in both', async () => {
    const answer = await post(`${orders(emu)}?amount=20000&orderReference=from-query`, { amount: 30000 });
    const order = await get(`${orders(emu)}/${answer.body.token}`);
    expect(order.body).toMatchObject({ loanAmount: 30000, orderReference: 'from-query' });
  });

  it('answers 400 with every invalid field in Soisy\'s shape and Italian messages', async () => {
    const answer = await post(orders(emu), {
      amount: 500, instalments: 72, fiscalCode: 'NOTACODE', email: 'nope', province: 'Milano', postalCode: '2010', vatId: '123', vatCountry: 'it', zeroInterestRate: 'maybe',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: {
        amount: ['Questo valore dovrebbe essere compreso tra 10000 e 1500000.'],
        instalments: ['Il numero di rate deve essere compreso fra 3 e 60'],
        fiscalCode: ['Codice fiscale non valido'],
        email: ['Questo valore non è un indirizzo email valido.'],
        province: ['Questo valore non è valido.'],
        postalCode: ['Questo valore non è valido.'],
        vatId: ['La partita IVA non è valida per il paese'],
        vatCountry: ['Il codice paese della partita IVA non è valido'],
        zeroInterestRate: ['Questo valore dovrebbe essere di tipo bool.'],
      },
    });
  });

  it('refuses a non-integer amount as not an integer', async () => {
    const answer = await post(orders(emu), { amount: '100.50' }, { encoding: 'form' });
    expect(answer.body).toEqual({ errors: { amount: ['Questo valore dovrebbe essere di tipo integer.'] } });
  });

  it('stores nothing when the input is invalid', async () => {
    await post(orders(emu), { amount: 1 });
    expect((await control(emu, 'GET', '/orders')).body).toEqual([]);
  });

  it('accepts Soisy\'s own sample fiscal code, whose check character is wrong, in the default format-only mode', async () => {
    const answer = await post(orders(emu), { fiscalCode: SAMPLE_FISCAL_CODE.toLowerCase() });
    expect(answer.status).toBe(200);
    expect((await get(`${orders(emu)}/${answer.body.token}`)).body.fiscalCode).toBe(SAMPLE_FISCAL_CODE);
  });
});
