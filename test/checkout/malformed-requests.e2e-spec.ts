import request from 'supertest';
import { ADMIN_KEY, startStack, type Stack } from '../support/stack.js';
import { approvalBody, footprint, loanRequestBody, orderBody, requestedOrder, createOrder } from './support/checkout.js';

type Tokens = { created: string; requested: string; additional: string };
interface Case {
  method: 'get' | 'post';
  path: (tokens: Tokens) => string;
  body?: Record<string, unknown>;
  field: string;
}

const quotes = (query: string): Pick<Case, 'method' | 'path'> => ({ method: 'get', path: () => `/v1/quotes?${query}` });
const create = (body: Record<string, unknown>): Omit<Case, 'field'> => ({ method: 'post', path: () => '/v1/orders', body: orderBody(body) });
const customer = (fields: Record<string, unknown>) => create({ customer: { firstname: 'Mario', ...fields } });
const loan = (fields: Record<string, unknown>): Omit<Case, 'field'> => ({ method: 'post', path: (t) => `/v1/orders/${t.created}/loan-request`, body: loanRequestBody(fields) });
const approval = (fields: Record<string, unknown>, order: keyof Tokens = 'requested'): Omit<Case, 'field'> => ({ method: 'post', path: (t) => `/v1/orders/${t[order]}/approval`, body: approvalBody(fields) });
const without = (body: Record<string, unknown> | undefined, field: string) => Object.fromEntries(Object.entries(body ?? {}).filter(([key]) => key !== field));
const fixedTerm = 'employee_fixed_term_contract';
const vat = { jobDescription: 'entrepreneur', vatId: '01114601006', vatCountry: 'IT' };

const CASES: Array<[string, Case]> = [
  ['quotes without an amount', { ...quotes('instalments=12'), field: 'amount' }],
  ['quotes with a non-numeric amount', { ...quotes('amount=abc&instalments=12'), field: 'amount' }],
  ['quotes with a fractional amount', { ...quotes('amount=100000.5&instalments=12'), field: 'amount' }],
  ['quotes under the minimum amount', { ...quotes('amount=9999&instalments=12'), field: 'amount' }],
  ['quotes over the maximum amount', { ...quotes('amount=1500001&instalments=12'), field: 'amount' }],
  ['quotes with too few instalments', { ...quotes('amount=100000&instalments=2'), field: 'instalments' }],
  ['quotes with too many instalments', { ...quotes('amount=100000&instalments=61'), field: 'instalments' }],
  ['quotes with a non-boolean zeroInterestRate', { ...quotes('amount=100000&instalments=12&zeroInterestRate=maybe'), field: 'zeroInterestRate' }],
  ['quotes with an unknown parameter', { ...quotes('amount=100000&instalments=12&currency=EUR'), field: 'currency' }],
  ['an order whose amount is text', { ...create({ amount: '100000' }), field: 'amount' }],
  ['an order whose amount is not whole cents', { ...create({ amount: 100000.5 }), field: 'amount' }],
  ['an order under the minimum amount', { ...create({ amount: 5000 }), field: 'amount' }],
  ['an order with too many instalments', { ...create({ instalments: 61 }), field: 'instalments' }],
  ['an order without a reference', { method: 'post', path: () => '/v1/orders', body: without(orderBody(), 'orderReference'), field: 'orderReference' }],
  ['an order reference with a space', { ...create({ orderReference: 'ORD 1' }), field: 'orderReference' }],
  ['an order with a success URL that is not one', { ...create({ successUrl: 'not a url' }), field: 'successUrl' }],
  ['an order with a javascript: error URL', { ...create({ errorUrl: 'javascript:alert(1)' }), field: 'errorUrl' }],
  ['a customer fiscal code with a wrong check character', { ...customer({ fiscalCode: 'RSSMRA85T10A562T' }), field: 'customer.fiscalCode' }],
  ['a customer province no Italian province has', { ...customer({ province: 'XX' }), field: 'customer.province' }],
  ['a customer fiscal code in lower case with a wrong check character', { ...customer({ fiscalCode: 'rssmra85t10a562t' }), field: 'customer.fiscalCode' }],
  ['a customer landline instead of a mobile', { ...customer({ mobilePhone: '02 12345678' }), field: 'customer.mobilePhone' }],
  ['a customer calling code no country has', { ...customer({ mobilePhone: '3331234567', countryCallingCode: '+999' }), field: 'customer.countryCallingCode' }],
  ['a customer street with the civic number glued on and no civicNumber', { ...customer({ address: 'Via Roma 12' }), field: 'customer.address' }],
  ['a customer street that repeats the civic number', { ...customer({ address: 'Via Roma 12', civicNumber: '12' }), field: 'customer.address' }],
  ['an approval street that repeats the street number', { ...approval({ address: 'Via Roma 12', streetNumber: '12' }), field: 'address' }],
  ['a customer street with a comma', { ...customer({ address: 'Via Roma, 12', civicNumber: '12' }), field: 'customer.address' }],
  ['a customer postal code of four digits', { ...customer({ postalCode: '2012' }), field: 'customer.postalCode' }],
  ['a customer email that is not one', { ...customer({ email: 'mario-at-example' }), field: 'customer.email' }],
  ['a customer field nobody knows', { ...customer({ nickname: 'Super Mario' }), field: 'customer.nickname' }],
  ['an order field nobody knows', { ...create({ discount: 10 }), field: 'discount' }],
  ['a customer sent as a list of customers', { ...create({ customer: [{ firstname: 'Mario' }] }), field: 'customer' }],
  ['a customer sent as text', { ...create({ customer: 'Mario Rossi' }), field: 'customer' }],
  ['a loan request without the privacy consent', { ...loan({ privacy: false }), field: 'privacy' }],
  ['a loan request missing privacy', { method: 'post', path: (t) => `/v1/orders/${t.created}/loan-request`, body: without(loanRequestBody(), 'privacy'), field: 'privacy' }],
  ['an omocodic fiscal code whose check was not recomputed', { ...loan({ fiscalCode: 'RSSMRA85T10A56NS' }), field: 'fiscalCode' }],
  ['a job that is not one of Soisy\'s', { ...loan({ jobDescription: 'astronaut' }), field: 'jobDescription' }],
  ['a fixed-term contract without its end date', { ...loan({ jobDescription: fixedTerm }), field: 'actualJobEndingDate' }],
  ['a fixed-term contract that ended in the past', { ...loan({ jobDescription: fixedTerm, actualJobEndingDate: '01/2020' }), field: 'actualJobEndingDate' }],
  ['a job end date in month 13', { ...loan({ jobDescription: fixedTerm, actualJobEndingDate: '13/2099' }), field: 'actualJobEndingDate' }],
  ['an entrepreneur without a VAT number', { ...loan({ jobDescription: 'entrepreneur', vatCountry: 'IT' }), field: 'vatId' }],
  ['an entrepreneur whose VAT number fails its checksum', { ...loan({ ...vat, vatId: '01114601007' }), field: 'vatId' }],
  ['an entrepreneur without a VAT country', { ...loan({ ...vat, vatCountry: undefined }), field: 'vatCountry' }],
  ['an entrepreneur whose VAT country has three letters', { ...loan({ ...vat, vatCountry: 'ITA' }), field: 'vatCountry' }],
  ['a fiscal code with a stray character after a space', { ...loan({ fiscalCode: 'RSSMRA85T10A562S X' }), field: 'fiscalCode' }],
  ['a loan request for another amount than the order\'s', { ...loan({ amount: 50_000 }), field: 'amount' }],
  ['a loan request with too few instalments', { ...loan({ instalments: 2 }), field: 'instalments' }],
  ['a loan request over the maximum amount', { ...loan({ amount: 2_000_000 }), field: 'amount' }],
  ['a loan request field nobody knows', { ...loan({ income: 2000 }), field: 'income' }],
  ['an approval with a spelled-out province', { ...approval({ province: 'Milano' }), field: 'province' }],
  ['an approval with a postal code of letters', { ...approval({ postalCode: 'ABCDE' }), field: 'postalCode' }],
  ['an approval with an unknown citizenship', { ...approval({ citizenship: 'martian' }), field: 'citizenship' }],
  ['an approval without an email', { method: 'post', path: (t) => `/v1/orders/${t.requested}/approval`, body: without(approvalBody(), 'email'), field: 'email' }],
  ['an approval whose street carries its number', { ...approval({ address: 'Via Roma, 12' }), field: 'address' }],
  ['an approval with a landline instead of a mobile', { ...approval({ mobilePhone: '06 1234567' }), field: 'mobilePhone' }],
  ['an approval phone too short to be a mobile', { ...approval({ mobilePhone: '333 12' }), field: 'mobilePhone' }],
  ['an approval phone whose prefix contradicts countryCallingCode', { ...approval({ mobilePhone: '+41 79 123 45 67', countryCallingCode: '+39' }), field: 'mobilePhone' }],
  ['an approval calling code no country has', { ...approval({ countryCallingCode: '+999' }), field: 'countryCallingCode' }],
  ['an approval with the civic number glued to the street and no streetNumber', { ...approval({ address: 'Via Roma 12', streetNumber: '' }), field: 'address' }],
  ['an approval street that is only a number', { ...approval({ address: '12' }), field: 'address' }],
  ['an approval province no Italian province has', { ...approval({ province: 'XX' }), field: 'province' }],
  ['an approval province of a Sardinian province abolished in 2016', { ...approval({ province: 'OT' }), field: 'province' }],
  ['an approval first name of spaces only', { ...approval({ firstname: '   ' }), field: 'firstname' }],
  ['an approval postal code of four digits and a space', { ...approval({ postalCode: '2012 ' }), field: 'postalCode' }],
  ['a residence that starts in the future', { ...approval({ residenceStartDate: '01/2999' }), field: 'residenceStartDate' }],
  ['seven children (Soisy counts up to 5+)', { ...approval({ children: '7' }), field: 'children' }],
  ['a weekly salary type', { ...approval({ salaryType: 'weekly' }), field: 'salaryType' }],
  ['a salary of 1e300 euros (an integer to JavaScript)', { ...approval({ salary: 1e300 }), field: 'salary' }],
  ['additional data Soisy asked for, without the salary', { ...approval({ residence: 'rent', residenceStartDate: '03/2019', educationalQualification: 'diploma', children: '0', salaryType: 'net-monthly' }, 'additional'), field: 'salary' }],
  ['a token with a space', { method: 'get', path: () => '/v1/orders/bad%20token', field: 'token' }],
];

describe('malformed checkout requests', () => {
  let stack: Stack;
  let tokens: Tokens;
  beforeAll(async () => {
    stack = await startStack();
    tokens = { created: await createOrder(stack), requested: await requestedOrder(stack), additional: await requestedOrder(stack, 600_000) };
  });
  afterAll(() => stack.close());

  it.each(CASES)('refuses %s with a 4xx problem naming the field, changing nothing', async (_, { method, path, body, field }) => {
    const before = await footprint(stack);
    const call = request(stack.url)[method](path(tokens));
    const res = await (body ? call.send(body) : call);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await footprint(stack)).toEqual(before);
  });

  it.each([
    ['an order with a field nested 20,000 lists deep', () => '/v1/orders', `{"amount":100000,"orderReference":"DEEP-1","foo":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, 'foo'],
    ['a customer nested 5,000 objects deep', () => '/v1/orders', `{"amount":100000,"orderReference":"DEEP-2","customer":${'{"a":'.repeat(5_000)}{}${'}'.repeat(5_000)}}`, 'customer'],
    ['an approval whose email is nested 5,000 objects deep', (t: Tokens) => `/v1/orders/${t.requested}/approval`, `{"email":${'{"a":'.repeat(5_000)}{}${'}'.repeat(5_000)}}`, 'email'],
  ])('refuses %s (a small body) with a 400 naming the field, not a 500', async (_, path, body, field) => {
    const before = await footprint(stack);
    const res = await request(stack.url).post(path(tokens)).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toContainEqual({ field, message: `${field} is nested more deeply than any accepted field` });
    expect(await footprint(stack)).toEqual(before);
  });

  it('says a missing field is required, not that it is too long', async () => {
    const res = await request(stack.url).post(`/v1/orders/${tokens.requested}/approval`).send(without(approvalBody(), 'streetNumber')).expect(400);
    expect(res.body.errors).toContainEqual({ field: 'streetNumber', message: 'streetNumber is required' });
    const empty = await request(stack.url).post(`/v1/orders/${tokens.requested}/approval`).send({}).expect(400);
    expect(empty.body.errors).toContainEqual({ field: 'email', message: 'email is required' });
    expect(JSON.stringify(empty.body.errors)).not.toMatch(/shorter than/);
  });

  it('accepts the conditional fields when they are right', async () => {
    const nextYear = `06/${new Date().getFullYear() + 1}`;
    const fixed = await createOrder(stack);
    await request(stack.url).post(`/v1/orders/${fixed}/loan-request`).send(loanRequestBody({ jobDescription: fixedTerm, actualJobEndingDate: nextYear })).expect(201);
    const entrepreneur = await createOrder(stack);
    await request(stack.url).post(`/v1/orders/${entrepreneur}/loan-request`).send(loanRequestBody(vat)).expect(201);
  });
});

describe('malformed requests: the message names the real problem, every route refuses what it does not take', () => {
  let stack: Stack;
  let token: string;
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  beforeAll(async () => {
    stack = await startStack();
    token = await createOrder(stack);
  });
  afterAll(() => stack.close());

  const refuses = async (res: request.Response, status: number, errors?: Array<{ field: string; message: string }>) => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
    if (errors) expect(res.body.errors).toEqual(errors);
  };

  it.each([
    ['/v1/events?limit=abc', 'limit', 'limit must be an integer'],
    ['/v1/orders?limit=abc', 'limit', 'limit must be an integer'],
    ['/v1/orders?limit=2.5', 'limit', 'limit must be an integer'],
    ['/v1/orders?limit=2&limit=3', 'limit', 'limit must be given once'],
    ['/v1/events?limit=2&limit=3', 'limit', 'limit must be given once'],
    ['/v1/orders?cursor=a&cursor=b', 'cursor', 'cursor must be given once'],
    ['/v1/orders?limit=500', 'limit', 'limit must not be greater than 100'],
    ['/v1/orders?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'from', 'from must not be after to'],
    ['/v1/quotes?amount=abc&instalments=12', 'amount', 'amount must be an integer number of cents'],
    ['/v1/reconciliation?foo=1', 'foo', 'foo is not an accepted field'],
    ['/health/live?foo=1', 'foo', 'foo is not an accepted field'],
  ])('GET %s: 400 naming %s', async (path, field, message) => {
    await refuses(await request(stack.url).get(path).set(admin), 400, [{ field, message }]);
  });

  it('accepts a range whose bounds are in order, or equal', async () => {
    await request(stack.url).get('/v1/orders?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z').set(admin).expect(200);
    await request(stack.url).get('/v1/orders?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z').set(admin).expect(200);
  });

  it('says an amount given as text must be an integer number of cents, not that it is too small', async () => {
    const before = await footprint(stack);
    await refuses(await request(stack.url).post(`/v1/orders/${token}/release`).set(admin).send({ amount: '100' }), 400, [{ field: 'amount', message: 'amount must be an integer number of cents' }]);
    await refuses(await request(stack.url).post('/v1/orders').send(orderBody({ amount: '100000' })), 400, [{ field: 'amount', message: 'amount must be an integer number of cents' }]);
    expect(await footprint(stack)).toEqual(before);
  });

  it.each([
    ['POST /v1/reconciliation/runs', '/v1/reconciliation/runs', { dryRun: true }, 'dryRun'],
    ['POST /v1/events/{id}/resend', '/v1/events/00000000-0000-4000-8000-000000000000/resend', { force: true }, 'force'],
    ['POST /v1/orders/{token}/sync', '/v1/orders/TOKEN/sync', { status: 'approved' }, 'status'],
  ])('%s refuses a body field it does not take with a 400 naming it', async (_, path, body, field) => {
    const before = await footprint(stack);
    await refuses(await request(stack.url).post(path.replace('TOKEN', token)).set(admin).send(body), 400, [{ field, message: `${field} is not an accepted field` }]);
    expect(await footprint(stack)).toEqual(before);
  });

  it.each([
    ['a top-level __proto__', '{"reason":"ok","__proto__":{"x":1}}', '__proto__', '__proto__ is not allowed'],
    ['a nested constructor.prototype', '{"reason":"ok","a":{"constructor":{"prototype":{"x":1}}}}', 'a.constructor.prototype', 'constructor.prototype is not allowed'],
  ])('refuses a valid JSON body with %s as such, not as invalid JSON', async (_, body, field, message) => {
    const res = await request(stack.url).post(`/v1/orders/${token}/cancel`).set(admin).set('content-type', 'application/json').send(body);
    await refuses(res, 400, [{ field, message }]);
    expect(res.body.detail).not.toMatch(/not valid JSON/);
  });

  it('refuses a form body with __proto__ the same way', async () => {
    const res = await request(stack.url).post('/v1/soisy/callbacks/not-a-secret').type('form').send('__proto__=x&status=approved');
    await refuses(res, 400, [{ field: '__proto__', message: '__proto__ is not allowed' }]);
  });

  it.each([
    ['a body without Content-Type on create order', '/v1/orders', '', '{"amount":100000}'],
    ['text/plain on cancel', `/v1/orders/TOKEN/cancel`, 'text/plain', 'reason=x'],
    ['form-urlencoded on create order', '/v1/orders', 'application/x-www-form-urlencoded', 'amount=100000&orderReference=FORM-1'],
    ['XML on loan request', '/v1/orders/TOKEN/loan-request', 'application/xml', '<privacy>true</privacy>'],
  ])('answers %s with 415 naming application/json, changing nothing', async (_, path, type, body) => {
    const before = await footprint(stack);
    const call = request(stack.url).post(path.replace('TOKEN', token)).set(admin);
    const res = await (type ? call.set('content-type', type).send(body) : call.send(body).unset('Content-Type'));
    await refuses(res, 415);
    expect(res.body).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', accepted: ['application/json'] });
    expect(res.body.detail).toContain('application/json');
    expect(await footprint(stack)).toEqual(before);
  });

  it('still takes form-urlencoded callbacks from Soisy (refused here only for their unknown secret)', async () => {
    const res = await request(stack.url).post('/v1/soisy/callbacks/not-a-secret').type('form').send('orderToken=x&status=approved');
    expect(res.status).not.toBe(415);
  });

  it.each([['blank', ' '], ['empty', ''], ['with a space inside', 'key 1'], ['too long', 'k'.repeat(256)]])('refuses an Idempotency-Key that is %s with a 400 naming the header', async (_, key) => {
    const before = await footprint(stack);
    const res = await request(stack.url).post('/v1/orders').set('Idempotency-Key', key).send(orderBody());
    await refuses(res, 400);
    expect(JSON.stringify(res.body)).toContain('Idempotency-Key');
    expect(await footprint(stack)).toEqual(before);
  });
});
