import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  ADDITIONAL_DATA, approvalFields, createOrder, emulator, type Encoding, get, orders, post, requestFields, SAMPLE_FISCAL_CODE,
} from './support.js';

describe('Emulator: request approval', () => {
  let emu: RunningEmulator;
  const approvalUrl = (fiscalCode = SAMPLE_FISCAL_CODE) => `${emu.apiUrl}/shops/partnershop/requests/${fiscalCode}`;
  const createRequest = (overrides: Record<string, unknown> = {}) => post(`${emu.apiUrl}/shops/partnershop/requests`, requestFields(overrides));

  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it.each<Encoding>(['json', 'form', 'multipart', 'query'])('approves up to 1,000,000 cents with 201 and the documented payload (%s body)', async (encoding) => {
    const token = await createOrder(emu);
    await createRequest({ amount: 1000000 });
    const answer = await post(approvalUrl(), approvalFields(token, { amount: 1000000, ...ADDITIONAL_DATA }), { encoding });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      approved: true, redirectUrl: `${emu.url}/funnel/partnershop#/loan-request?token=${token}`,
      approvalMessageApiFull: expect.any(String), approvalMessageApiSemiFull: expect.any(String),
      email: 'carlo.rossi@example.com', lastname: 'Rossi', firstname: 'Carlo', fiscalCode: SAMPLE_FISCAL_CODE, mobilePhone: '3491234567',
      city: 'Milano', address: 'Via Sassetti', province: 'MI', postalCode: '20124', streetNumber: '32', citizenship: 'italian',
      amount: 1000000, netAmount: 980000, instalments: 12, zeroInterestRate: false, orderToken: token, paymentDayOfMonth: 15,
    });
  });

  it('moves the order to request_accepted with the shopper\'s data and the net amount', async () => {
    const token = await createOrder(emu);
    await createRequest();
    await post(approvalUrl(), approvalFields(token));
    expect((await get(`${orders(emu)}/${token}`)).body).toMatchObject({
      status: 'request_accepted', loanAmount: 100000, loanNetAmount: 98000, fiscalCode: SAMPLE_FISCAL_CODE, firstname: 'Carlo',
      address: { city: 'Milano', civicNumber: '32', postalCode: '20124', province: 'MI', address: 'Via Sassetti' },
    });
  });

  it('refuses above 1,000,000 cents with 422, the same payload and approved: false, and cancels the order', async () => {
    const token = await createOrder(emu, { amount: 1000001 });
    await createRequest({ amount: 1000001, fiscalCode: 'BBBBBB80A01A123B' });
    const answer = await post(approvalUrl('BBBBBB80A01A123B'), approvalFields(token, { amount: 1000001, ...ADDITIONAL_DATA }));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ approved: false, amount: 1000001, orderToken: token, fiscalCode: 'BBBBBB80A01A123B' });
    expect((await get(`${orders(emu)}/${token}`)).body.status).toBe('cancelled');
  });

  it('refuses to evaluate the same person twice with 400 "User already evaluated for approval"', async () => {
    const token = await createOrder(emu);
    await createRequest();
    await post(approvalUrl(), approvalFields(token));
    const again = await post(approvalUrl(), approvalFields(token));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ errors: { domain: ['User already evaluated for approval'] } });
  });

  it('answers 409 to a new loan request from a person already evaluated', async () => {
    const token = await createOrder(emu);
    await createRequest();
    await post(approvalUrl(), approvalFields(token));
    expect((await createRequest()).body).toEqual({ errors: 'User already evaluated for approval' });
  });

  it('answers 400 "User not found" when no loan request exists for the fiscal code', async () => {
    const token = await createOrder(emu);
    const answer = await post(approvalUrl('ZZZZZZ80A01A123B'), approvalFields(token));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: { domain: ['User not found'] } });
  });

  it('answers 404 when the orderToken names no order of the shop', async () => {
    await createRequest();
    const answer = await post(approvalUrl(), approvalFields('unknown'));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: { domain: ['Order not found'] } });
  });

  it('answers 400 with a field error for each missing or malformed field', async () => {
    await createRequest();
    const answer = await post(approvalUrl(), { province: 'mi', postalCode: 'ABCDE', citizenship: 'martian', email: 'x' });
    expect(answer.status).toBe(400);
    const blank = ['Questo valore non dovrebbe essere vuoto.'];
    expect(answer.body).toEqual({
      errors: {
        amount: blank, instalments: blank, email: ['Questo valore non è un indirizzo email valido.'], lastname: blank, firstname: blank,
        mobilePhone: blank, city: blank, province: ['Questo valore non è valido.'], address: blank, streetNumber: blank,
        postalCode: ['Questo valore non è valido.'], citizenship: ['Il valore selezionato non è una scelta valida.'], orderToken: blank,
      },
    });
  });

  it('accepts civicNumber for streetNumber and answers it as streetNumber', async () => {
    const token = await createOrder(emu);
    await createRequest();
    const { streetNumber: _street, ...fields } = approvalFields(token);
    const answer = await post(approvalUrl(), { ...fields, civicNumber: '7', instalments: 12 }, { encoding: 'form' });
    expect(answer.status).toBe(201);
    expect(answer.body.streetNumber).toBe('7');
  });

  it('requires the additional data when the loan request answered additionalDataNeeded: true', async () => {
    const token = await createOrder(emu, { amount: 600000 });
    expect((await createRequest({ amount: 600000 })).body.additionalDataNeeded).toBe(true);
    const missing = await post(approvalUrl(), approvalFields(token, { amount: 600000 }));
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['children', 'educationalQualification', 'residence', 'residenceStartDate', 'salary', 'salaryType']);
    const wrong = await post(approvalUrl(), approvalFields(token, { amount: 600000, ...ADDITIONAL_DATA, children: '7', residenceStartDate: '2001' }));
    expect(wrong.body.errors).toEqual({
      children: ['Il valore selezionato non è una scelta valida.'],
      residenceStartDate: ['Formato data non valido. Il formato corretto è il seguente: MM/YYYY'],
    });
    const complete = await post(approvalUrl(), approvalFields(token, { amount: 600000, ...ADDITIONAL_DATA }));
    expect(complete.status).toBe(201);
  });

  it('does not ask for additional data when the loan request did not need it', async () => {
    const token = await createOrder(emu);
    await createRequest();
    expect((await post(approvalUrl(), approvalFields(token))).status).toBe(201);
  });

  it('answers 400 "This sales point cannot apply for a loan" for an inactive shop', async () => {
    const inactive = await emulator({ shops: [{ id: 'partnershop', token: 'partnerkey', active: false, zeroInterestRate: false }] });
    try {
      const token = await createOrder(inactive);
      await post(`${inactive.apiUrl}/shops/partnershop/requests`, requestFields());
      const answer = await post(`${inactive.apiUrl}/shops/partnershop/requests/${SAMPLE_FISCAL_CODE}`, approvalFields(token));
      expect(answer.body).toEqual({ errors: { domain: ['This sales point cannot apply for a loan'] } });
    } finally {
      await inactive.close();
    }
  });

  it('follows a configured approval limit', async () => {
    const strictLimit = await emulator({ approvalLimit: 50000 });
    try {
      const token = await createOrder(strictLimit, { amount: 60000 });
      await post(`${strictLimit.apiUrl}/shops/partnershop/requests`, requestFields({ amount: 60000 }));
      const answer = await post(`${strictLimit.apiUrl}/shops/partnershop/requests/${SAMPLE_FISCAL_CODE}`, approvalFields(token, { amount: 60000 }));
      expect(answer.status).toBe(422);
    } finally {
      await strictLimit.close();
    }
  });
});
