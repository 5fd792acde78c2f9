import request from 'supertest';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { approvalBody, footprint, loanRequestBody, orderBody, requestedOrder } from './support/checkout.js';

/**
 * What Italian shoppers really type (issue 8): accepted when the meaning is clear, normalised once
 * at the edge, and the normalised value is what Soisy receives and what the database stores.
 */
describe('real shoppers\' input', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  /** The body of the newest call Soisy received on a path matching `path`. */
  const lastSent = async (path: RegExp): Promise<Record<string, unknown>> => {
    const calls = (await stack.soisyCalls()).filter((call) => call.method === 'POST' && path.test(call.path));
    return calls.at(-1)?.body as Record<string, unknown>;
  };
  const approve = (token: string, overrides: Record<string, unknown>) => request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(overrides));
  const createWith = (customer: Record<string, unknown>) => request(stack.url).post('/v1/orders').send(orderBody({ customer }));
  const APPROVAL_PATH = /\/requests\/[A-Z0-9]{16}$/;
  const CREATE_PATH = /\/orders$/;

  describe('streets with numbers in their name (fault 1)', () => {
    it('accepts "Via 20 Settembre" at order creation and at approval alike, and Soisy receives it as typed', async () => {
      const created = await createWith({ address: 'Via 20 Settembre', civicNumber: '15' });
      expect(created.status).toBe(201);
      expect(await lastSent(CREATE_PATH)).toMatchObject({ address: 'Via 20 Settembre', civicNumber: '15' });
      const { token } = created.body;
      await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody()).expect(201);
      const res = await approve(token, { address: 'Via 20 Settembre', streetNumber: '15' });
      expect(res.status).toBe(200);
      expect(res.body.approved).toBe(true);
      expect(await lastSent(APPROVAL_PATH)).toMatchObject({ address: 'Via 20 Settembre', streetNumber: '15' });
    });

    it.each(['Corso 22 Marzo', 'Piazza 1° Maggio', 'Strada Statale 16 Adriatica', 'Via XX Settembre', 'Viale 4 Novembre', 'Via 25 Aprile', 'Largo 2 Giugno'])(
      'approves a shopper living in %s', async (street) => {
        const res = await approve(await requestedOrder(stack), { address: street, streetNumber: '3' });
        expect(res.status).toBe(200);
        expect(await lastSent(APPROVAL_PATH)).toMatchObject({ address: street, streetNumber: '3' });
      },
    );

    it('accepts a road named by its number without a civic number at order creation ("Strada Statale 16")', async () => {
      expect((await createWith({ address: 'Strada Statale 16' })).status).toBe(201);
      expect(await lastSent(CREATE_PATH)).toMatchObject({ address: 'Strada Statale 16' });
    });

    it('refuses a civic number glued to the street when the civic-number field is empty, telling where it goes, at both steps', async () => {
      const token = await requestedOrder(stack);
      const before = await footprint(stack, true);
      const approval = await approve(token, { address: 'Via Roma 12', streetNumber: '' });
      expect(approval.status).toBe(400);
      expect(approval.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(approval.body.errors).toContainEqual({ field: 'address', message: 'address ends with a civic number: put it in streetNumber and the street alone in address (e.g. Via Roma and 12)' });
      const creation = await createWith({ address: 'Via Roma 12' });
      expect(creation.status).toBe(400);
      expect(creation.body.errors).toEqual([{ field: 'customer.address', message: 'address ends with a civic number: put it in civicNumber and the street alone in address (e.g. Via Roma and 12)' }]);
      expect(await footprint(stack, true)).toEqual(before);
    });

    it('refuses a comma in the street at both steps, sending nothing to Soisy', async () => {
      const token = await requestedOrder(stack);
      const before = await footprint(stack, true);
      const approval = await approve(token, { address: 'Via Roma, 12' });
      expect(approval.body.errors).toEqual([{ field: 'address', message: 'address must be the street only, without commas: put the civic number in streetNumber' }]);
      const creation = await createWith({ address: 'Via Roma, 12', civicNumber: '12' });
      expect(creation.body.errors).toEqual([{ field: 'customer.address', message: 'address must be the street only, without commas: put the civic number in civicNumber' }]);
      expect([approval.status, creation.status]).toEqual([400, 400]);
      expect(await footprint(stack, true)).toEqual(before);
    });
  });

  describe('mobile phone numbers (fault 2)', () => {
    it.each(['00393331234567', '393331234567', '+39 333 1234567', '333 123 4567', '+39 (333) 123-4567', '333.123.4567', '0039 333 123 4567', '+393331234567', ' 333 1234567 '])(
      'accepts %j at approval and sends Soisy the national number with +39', async (typed) => {
        const res = await approve(await requestedOrder(stack), { mobilePhone: typed });
        expect(res.status).toBe(200);
        expect(await lastSent(APPROVAL_PATH)).toMatchObject({ mobilePhone: '3331234567', countryCallingCode: '+39' });
      },
    );

    it('sends a Swiss mobile with its own calling code', async () => {
      const res = await approve(await requestedOrder(stack), { mobilePhone: '+41 79 123 45 67' });
      expect(res.status).toBe(200);
      expect(await lastSent(APPROVAL_PATH)).toMatchObject({ mobilePhone: '791234567', countryCallingCode: '+41' });
    });

    it('normalises the phone given at order creation the same way', async () => {
      expect((await createWith({ mobilePhone: '00393331234567' })).status).toBe(201);
      expect(await lastSent(CREATE_PATH)).toMatchObject({ mobilePhone: '3331234567', countryCallingCode: '+39' });
    });

    it.each([
      ['a Rome landline', '06 1234567', 'mobilePhone must be a mobile number (Soisy sends it a text message); this is a landline or service number'],
      ['a toll-free number', '800 123456', 'mobilePhone must be a mobile number (Soisy sends it a text message); this is a landline or service number'],
      ['too few digits', '345 1234', 'mobilePhone must be a mobile phone number, e.g. 333 1234567 or +39 333 1234567'],
      ['words', 'call me', 'mobilePhone must be a mobile phone number, e.g. 333 1234567 or +39 333 1234567'],
    ])('refuses %s with a field error saying why, sending nothing', async (_, typed, message) => {
      const token = await requestedOrder(stack);
      const before = await footprint(stack, true);
      const res = await approve(token, { mobilePhone: typed });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'mobilePhone', message }]);
      expect(JSON.stringify(res.body)).not.toContain(typed);
      expect(await footprint(stack, true)).toEqual(before);
    });
  });

  describe('case and spaces (fault 3)', () => {
    it('sends, stores and masks a lower-case fiscal code upper-cased, at order creation and at the loan request', async () => {
      const created = await createWith({ fiscalCode: 'bncgli88m52h501h' });
      expect(created.status).toBe(201);
      expect(await lastSent(CREATE_PATH)).toMatchObject({ fiscalCode: 'BNCGLI88M52H501H' });
      const { token } = created.body;
      const stored = async () => (await query<{ fiscalCode: string }>(stack.db.url, 'SELECT "fiscalCode" FROM orders WHERE token = $1', [token]))[0].fiscalCode;
      expect(await stored()).toBe('BNCGLI88M52H501H');

      // Autofill's trailing space, and spaces typed inside the code.
      await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode: 'bncgli 88m52 h501h ' })).expect(201);
      expect(await lastSent(/\/requests$/)).toMatchObject({ fiscalCode: 'BNCGLI88M52H501H' });
      expect(await stored()).toBe('BNCGLI88M52H501H');
      expect((await request(stack.url).get(`/v1/orders/${token}`)).body.fiscalCode).toBe('BNCGLI*********H');

      await approve(token, {}).expect(200);
      const approvals = (await stack.soisyCalls()).filter((call) => APPROVAL_PATH.test(call.path));
      expect(approvals.at(-1)?.path).toMatch(/\/requests\/BNCGLI88M52H501H$/);
    });

    it('accepts a lower-case province, a CAP and names with autofill spaces, and Soisy receives them normalised', async () => {
      const res = await approve(await requestedOrder(stack), {
        province: 'mi', postalCode: '20121 ', firstname: ' Mario ', lastname: 'Rossi ', city: 'Milano ', email: ' Mario.Rossi@Example.COM ', streetNumber: ' 12 ', address: 'Via Roma ',
      });
      expect(res.status).toBe(200);
      expect(await lastSent(APPROVAL_PATH)).toMatchObject({
        province: 'MI', postalCode: '20121', firstname: 'Mario', lastname: 'Rossi', city: 'Milano', email: 'Mario.Rossi@example.com', streetNumber: '12', address: 'Via Roma',
      });
    });

    it('normalises the customer of a new order the same way', async () => {
      const res = await createWith({ province: ' rm', postalCode: '00184 ', city: 'Roma ', email: 'mario@EXAMPLE.com ' });
      expect(res.status).toBe(201);
      expect(await lastSent(CREATE_PATH)).toMatchObject({ province: 'RM', postalCode: '00184', city: 'Roma', email: 'mario@example.com' });
    });

    it('upper-cases the VAT country and removes spaces from the VAT number of an entrepreneur', async () => {
      const token = (await createWith({})).body.token;
      await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ jobDescription: 'entrepreneur', vatId: ' 011 146 010 06', vatCountry: 'it ' })).expect(201);
      expect(await lastSent(/\/requests$/)).toMatchObject({ vatId: '01114601006', vatCountry: 'IT' });
    });

    it.each([['XX'], ['CI'], ['Milano']])('refuses the province %j, which no current Italian province has', async (province) => {
      const token = await requestedOrder(stack);
      const before = await footprint(stack, true);
      const res = await approve(token, { province });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'province', message: 'province must be the two-letter code (sigla) of an Italian province, e.g. MI or RM' }]);
      expect(await footprint(stack, true)).toEqual(before);
    });

    it('accepts Sud Sardegna (SU)', async () => {
      expect((await approve(await requestedOrder(stack), { province: 'su', postalCode: '09013', city: 'Carbonia' })).status).toBe(200);
      expect(await lastSent(APPROVAL_PATH)).toMatchObject({ province: 'SU' });
    });

    it('replays an idempotent order creation retried with the same customer spelled differently', async () => {
      const body = orderBody({ customer: { province: 'MI', fiscalCode: 'RSSMRA85T10A562S' } });
      const key = `key-${body.orderReference}`;
      const first = await request(stack.url).post('/v1/orders').set('Idempotency-Key', key).send(body).expect(201);
      const retry = await request(stack.url).post('/v1/orders').set('Idempotency-Key', key).send({ ...body, customer: { province: 'mi ', fiscalCode: 'rssmra85t10a562s' } });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.token).toBe(first.body.token);
    });
  });
});
