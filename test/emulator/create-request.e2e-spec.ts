import type { RunningEmulator } from '../../src/emulator/index.js';
import { createOrder, emulator, type Encoding, get, orders, post, requestFields, VALID_FISCAL_CODE } from './support.js';

describe('Emulator: create loan request', () => {
  let emu: RunningEmulator;
  let requests: string;
  beforeAll(async () => {
    emu = await emulator();
    requests = `${emu.apiUrl}/shops/partnershop/requests`;
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it.each<Encoding>(['json', 'form', 'multipart', 'query'])('creates a request from a %s body and answers 201 with the median offer', async (encoding) => {
    const answer = await post(requests, requestFields({ privacy: encoding === 'json' ? true : '1' }), { encoding });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      apr: 10.36, fiscalCode: 'AAAAAA80A01A123B', totalRepayment: 105444, instalmentAmount: 8787, zeroInterestRate: false, additionalDataNeeded: false,
    });
  });

  it('answers additionalDataNeeded: true above the configured threshold (default 500000 cents), false at it', async () => {
    expect((await post(requests, requestFields({ amount: 500000 }))).body.additionalDataNeeded).toBe(false);
    expect((await post(requests, requestFields({ amount: 500001, fiscalCode: VALID_FISCAL_CODE }))).body.additionalDataNeeded).toBe(true);
  });

  it('applies 0 % to the shopper when zeroInterestRate is true', async () => {
    const answer = await post(requests, requestFields({ amount: 90000, installments: 3, zeroInterestRate: 'true' }), { encoding: 'form' });
    expect(answer.body).toMatchObject({ apr: 0, totalRepayment: 90000, instalmentAmount: 30000, zeroInterestRate: true });
  });

  it('accepts instalments as well as installments', async () => {
    const { installments: _spelling, ...fields } = requestFields();
    expect((await post(requests, { ...fields, instalments: 12 })).status).toBe(201);
  });

  it('answers 400 with Soisy\'s messages for every missing required field', async () => {
    const answer = await post(requests, {});
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: {
        amount: ['Questo valore non dovrebbe essere vuoto.'],
        instalments: ['Questo valore non dovrebbe essere vuoto.'],
        privacy: ['Questo valore dovrebbe essere uguale a "true".'],
        fiscalCode: ['Questo valore non dovrebbe essere vuoto.'],
        jobDescription: ['Questo valore non dovrebbe essere vuoto.'],
      },
    });
  });

  it('answers 400 for values out of range or of the wrong kind', async () => {
    const answer = await post(requests, requestFields({ amount: 2000000, installments: 2, privacy: false, fiscalCode: 'RSSMRA80A01H501', jobDescription: 'astronaut' }));
    expect(answer.body).toEqual({
      errors: {
        amount: ['Questo valore dovrebbe essere compreso tra 10000 e 1500000.'],
        instalments: ['Il numero di rate deve essere compreso fra 3 e 60'],
        privacy: ['Questo valore dovrebbe essere uguale a "true".'],
        fiscalCode: ['Codice fiscale non valido'],
        jobDescription: ['Il valore selezionato non è una scelta valida.'],
      },
    });
  });

  it('requires actualJobEndingDate as MM/YYYY for a fixed-term contract', async () => {
    const job = { jobDescription: 'employee_fixed_term_contract' };
    expect((await post(requests, requestFields(job))).body).toEqual({ errors: { actualJobEndingDate: ['Questo valore non dovrebbe essere vuoto.'] } });
    expect((await post(requests, requestFields({ ...job, actualJobEndingDate: '2027-06' }))).body).toEqual({
      errors: { actualJobEndingDate: ['Formato data non valido. Il formato corretto è il seguente: MM/YYYY'] },
    });
    expect((await post(requests, requestFields({ ...job, actualJobEndingDate: '06/2027' }))).status).toBe(201);
  });

  it('requires a valid vatId and vatCountry for an entrepreneur', async () => {
    const job = { jobDescription: 'entrepreneur' };
    expect((await post(requests, requestFields(job))).body).toEqual({
      errors: { vatCountry: ['Questo valore non dovrebbe essere vuoto.'], vatId: ['Questo valore non dovrebbe essere vuoto.'] },
    });
    expect((await post(requests, requestFields({ ...job, vatCountry: 'Italia', vatId: '1234' }))).body.errors).toEqual({
      vatCountry: ['Il codice paese della partita IVA non è valido'], vatId: ['La partita IVA non è valida per il paese'],
    });
    expect((await post(requests, requestFields({ ...job, vatCountry: 'IT', vatId: '12345678901' }))).status).toBe(201);
  });

  it('answers 409 to a second request for the same fiscal code, in any case', async () => {
    await post(requests, requestFields());
    const second = await post(requests, requestFields({ fiscalCode: 'aaaaaa80a01a123b' }));
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ errors: 'A loan request for this fiscal code already exists' });
  });

  it('moves a named order to request_received', async () => {
    const token = await createOrder(emu);
    expect((await post(requests, requestFields({ orderToken: token }))).status).toBe(201);
    expect((await get(`${orders(emu)}/${token}`)).body.status).toBe('request_received');
  });

  it('answers 404 when the request names an unknown order', async () => {
    expect((await post(requests, requestFields({ orderToken: 'unknown' }))).status).toBe(404);
  });

  it('enforces the legacy profile\'s limits (25000–1500000 cents, 3–36 instalments)', async () => {
    const legacy = await emulator({ profile: 'legacy' });
    try {
      const answer = await post(`${legacy.apiUrl}/shops/partnershop/requests`, requestFields({ amount: 20000, installments: 48 }));
      expect(answer.body).toEqual({
        errors: {
          amount: ['Questo valore dovrebbe essere compreso tra 25000 e 1500000.'],
          instalments: ['Il numero di rate deve essere compreso fra 3 e 36'],
        },
      });
    } finally {
      await legacy.close();
    }
  });

  it('takes single limits from configuration', async () => {
    const custom = await emulator({ limits: { minAmount: 5000, maxInstalments: 24 } });
    try {
      const requestsUrl = `${custom.apiUrl}/shops/partnershop/requests`;
      expect((await post(requestsUrl, requestFields({ amount: 5000, installments: 24 }))).status).toBe(201);
      expect((await post(requestsUrl, requestFields({ fiscalCode: VALID_FISCAL_CODE, installments: 25 }))).status).toBe(400);
    } finally {
      await custom.close();
    }
  });
});
