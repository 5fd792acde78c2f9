import { Logger } from '@nestjs/common';
import { FakeSoisyServer } from './testing/fake-soisy-server.js';
import { gatewayAt, TEST_AUTH_TOKEN } from './testing/gateway-under-test.js';
import { APPROVAL_INPUT, APPROVED_REPLY, LOAN_REQUEST_INPUT, ORDER_INPUT, QUOTES_REPLY } from './testing/soisy-examples.js';

describe('SoisyGateway on the wire', () => {
  let soisy: FakeSoisyServer;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => (soisy = await FakeSoisyServer.start()));
  afterEach(() => soisy.stop());
  const last = () => soisy.requests.at(-1)!;

  it('asks for loan quotes with a GET, the instalments spelling and no token, and reads the three quotes in cents', async () => {
    soisy.reply({ status: 200, body: QUOTES_REPLY });
    const quotes = await gatewayAt(soisy.baseUrl).getLoanQuotes({ amountCents: 120_000, instalments: 12, zeroInterestRate: false });
    expect(last().method).toBe('GET');
    expect(last().path).toBe('/api/shops/partnershop/loan-quotes');
    expect(Object.fromEntries(last().query)).toEqual({ amount: '120000', instalments: '12', zeroInterestRate: 'false' });
    expect(last().headers['x-auth-token']).toBeUndefined();
    expect(quotes.median).toEqual({ feeCents: 0, interestCents: 1_500, interestRate: 5.5, totalRepaidCents: 121_500, apr: 5.64, instalmentAmountCents: 10_125 });
  });

  it('creates an order with a JSON body, the token header, instalments and civicNumber', async () => {
    soisy.reply({ status: 200, body: { token: 'tok-order-1', redirectUrl: 'https://shop.sandbox.soisy.it/x' } });
    const created = await gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT);
    expect(created).toEqual({ token: 'tok-order-1', redirectUrl: 'https://shop.sandbox.soisy.it/x' });
    expect(last().method).toBe('POST');
    expect(last().path).toBe('/api/shops/partnershop/orders');
    expect(last().headers['x-auth-token']).toBe(TEST_AUTH_TOKEN);
    expect(last().headers['content-type']).toMatch(/^application\/json/);
    expect(last().body).toEqual({
      amount: 120_000, instalments: 12, orderReference: 'ORD-1', callbackUrl: ORDER_INPUT.callbackUrl, successUrl: 'https://shop.example/ok',
      email: 'mario@example.com', fiscalCode: 'RSSMRA85T10A562S', civicNumber: '12', address: 'Via Roma', province: 'MI',
    });
  });

  it('treats a create-order answer other than 200 as unexpected, since the order may exist anyway', async () => {
    soisy.reply({ status: 201, body: { token: 't', redirectUrl: 'u' } });
    await expect(gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT)).rejects.toMatchObject({ code: 'SOISY.UNEXPECTED_RESPONSE', outcomeUnknown: true });
  });

  it('reads an order, normalising its status and renaming Soisy fields', async () => {
    soisy.reply({ status: 200, body: { token: 'tok/1', status: 'REQUEST_APPROVED', loanAmount: 120_000, loanNetAmount: '114000', instalmentsNumber: 12, orderReference: 'ORD-1', fiscalCode: 'RSSMRA85T10A562S', updatedAt: '2025-01-02T10:00:00+01:00' } });
    const order = await gatewayAt(soisy.baseUrl).getOrder('tok/1');
    expect(last().path).toBe('/api/shops/partnershop/orders/tok%2F1');
    expect(last().headers['x-auth-token']).toBe(TEST_AUTH_TOKEN);
    expect(order).toEqual({ token: 'tok/1', status: 'request_accepted', amountCents: 120_000, netAmountCents: 114_000, instalments: 12, orderReference: 'ORD-1', updatedAt: '2025-01-02T10:00:00+01:00' });
  });

  it('refuses an order whose status it does not know rather than guessing', async () => {
    soisy.reply({ status: 200, body: { token: 't', status: 'teleported', loanAmount: 1 } });
    await expect(gatewayAt(soisy.baseUrl).getOrder('t')).rejects.toMatchObject({ code: 'SOISY.UNEXPECTED_RESPONSE', outcomeUnknown: false });
  });

  it('creates a loan request with the installments spelling and reads its figures', async () => {
    soisy.reply({ status: 201, body: { apr: 7.2, fiscalCode: 'RSSMRA85T10A562S', totalRepayment: 126_000, instalmentAmount: 10_500, zeroInterestRate: false, additionalDataNeeded: true } });
    const figures = await gatewayAt(soisy.baseUrl).createLoanRequest(LOAN_REQUEST_INPUT);
    expect(last().path).toBe('/api/shops/partnershop/requests');
    expect(last().body).toEqual({ amount: 120_000, installments: 12, privacy: true, fiscalCode: 'RSSMRA85T10A562S', jobDescription: 'employee_fixed_term_contract', actualJobEndingDate: '12/2030' });
    expect(figures).toEqual({ apr: 7.2, instalmentAmountCents: 10_500, totalRepaymentCents: 126_000, zeroInterestRate: false, additionalDataNeeded: true });
  });

  it('asks for approval with installments, streetNumber, the loan finality and the additional data', async () => {
    soisy.reply({ status: 201, body: APPROVED_REPLY });
    const outcome = await gatewayAt(soisy.baseUrl).requestApproval('RSSMRA85T10A562S', APPROVAL_INPUT);
    expect(last().path).toBe('/api/shops/partnershop/requests/RSSMRA85T10A562S');
    expect(last().body).toMatchObject({ amount: 120_000, installments: 12, streetNumber: '12', loanFinality: 'ecommerce_shop', orderToken: 'tok-order-1', residence: 'rent', children: '0', salary: 1800 });
    expect(last().body).not.toHaveProperty('instalments');
    expect(last().body).not.toHaveProperty('civicNumber');
    expect(outcome).toEqual({ approved: true, redirectUrl: APPROVED_REPLY.redirectUrl, netAmountCents: 114_000, paymentDayOfMonth: 15 });
  });

  it('reports a refused approval (422) as an outcome, not an error', async () => {
    soisy.reply({ status: 422, body: { ...APPROVED_REPLY, approved: false } });
    await expect(gatewayAt(soisy.baseUrl).requestApproval('RSSMRA85T10A562S', APPROVAL_INPUT)).resolves.toEqual({ approved: false });
  });

  it('releases a suspended order with match-trigger and the amount in cents', async () => {
    soisy.reply({ status: 204 });
    await expect(gatewayAt(soisy.baseUrl).matchTrigger('tok-order-1', 120_000)).resolves.toBeUndefined();
    expect(last().path).toBe('/api/shops/partnershop/orders/tok-order-1/match-trigger');
    expect(last().body).toEqual({ amount: 120_000 });
  });

  it('refuses to send an amount that is not whole cents', async () => {
    await expect(gatewayAt(soisy.baseUrl).matchTrigger('tok', 12.5)).rejects.toThrow(TypeError);
    expect(soisy.requests).toHaveLength(0);
  });

  it('keeps connections alive for POSTs as for GETs, so a few connections serve many calls', async () => {
    const gateway = gatewayAt(soisy.baseUrl);
    soisy.reply({ status: 204 });
    for (let order = 1; order <= 4; order++) await gateway.matchTrigger(`tok-order-${order}`, 120_000);
    soisy.reply({ status: 200, body: QUOTES_REPLY });
    await gateway.getLoanQuotes({ amountCents: 120_000, instalments: 12 });
    expect(soisy.requests.map((request) => request.headers.connection)).toEqual(Array(5).fill('keep-alive'));
    // undici opens a second connection for the call right after the very first one; no more after.
    expect(soisy.sockets.length).toBeLessThanOrEqual(2);
  });

  it('lets a call in flight finish when the application shuts down, then closes its connections', async () => {
    const gateway = gatewayAt(soisy.baseUrl);
    soisy.reply({ status: 200, body: QUOTES_REPLY, delayMs: 200 });
    const quotes = gateway.getLoanQuotes({ amountCents: 120_000, instalments: 12 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shutdown = gateway.onApplicationShutdown();
    await expect(quotes).resolves.toMatchObject({ median: { instalmentAmountCents: 10_125 } });
    await shutdown;
    await expect(gateway.getLoanQuotes({ amountCents: 120_000, instalments: 12 })).rejects.toThrow();
  });
});
