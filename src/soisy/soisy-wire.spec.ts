import { APPROVAL_ERROR_KEYS, CREATE_ORDER_ERROR_KEYS, createOrderBody, LOAN_REQUEST_ERROR_KEYS, quotesQuery } from './soisy-wire.js';
import { MalformedSoisyResponse, readApproval, readCreatedOrder, readLoanRequestFigures, readOrder, readQuotes } from './soisy-wire-responses.js';

describe('Soisy field spellings', () => {
  it('omits absent optional fields instead of sending them empty', () => {
    expect(createOrderBody({ amountCents: 50_000, orderReference: 'R', callbackUrl: 'https://cb' })).toEqual({ amount: 50_000, orderReference: 'R', callbackUrl: 'https://cb' });
    expect(quotesQuery({ amountCents: 50_000, instalments: 10 })).toEqual({ amount: 50_000, instalments: 10 });
  });

  it('sends the customer\'s mobile as a national number with its calling code at order creation, as at approval', () => {
    const body = createOrderBody({ amountCents: 50_000, orderReference: 'R', callbackUrl: 'https://cb', customer: { mobilePhone: '791234567', countryCallingCode: '+41' } });
    expect(body).toMatchObject({ mobilePhone: '791234567', countryCallingCode: '+41' });
    expect(CREATE_ORDER_ERROR_KEYS.countryCallingCode).toBe('customer.countryCallingCode');
  });

  it('maps both instalment spellings in Soisy errors back to ours, on every call', () => {
    for (const keys of [CREATE_ORDER_ERROR_KEYS, LOAN_REQUEST_ERROR_KEYS, APPROVAL_ERROR_KEYS]) {
      expect([keys.instalments, keys.installments]).toEqual(['instalments', 'instalments']);
      expect(keys.amount).toBe('amountCents');
    }
  });

  it('maps both street number spellings to the field each call takes', () => {
    expect([CREATE_ORDER_ERROR_KEYS.civicNumber, CREATE_ORDER_ERROR_KEYS.streetNumber]).toEqual(['customer.civicNumber', 'customer.civicNumber']);
    expect([APPROVAL_ERROR_KEYS.civicNumber, APPROVAL_ERROR_KEYS.streetNumber]).toEqual(['streetNumber', 'streetNumber']);
    expect(CREATE_ORDER_ERROR_KEYS.fiscalCode).toBe('customer.fiscalCode');
  });
});

describe('Soisy answers whose figures the orders table cannot hold', () => {
  const INT_MAX = 2_147_483_647;
  const loanFigures = (overrides: Record<string, unknown>) => ({ apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, ...overrides });
  const approval = (overrides: Record<string, unknown>) => ({ approved: true, redirectUrl: 'https://soisy.example/r', netAmount: 98000, paymentDayOfMonth: 5, ...overrides });
  const refusedField = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return error instanceof MalformedSoisyResponse ? error.field : error;
    }
    return undefined;
  };

  it('refuses a loan request\'s cents past PostgreSQL integer, naming the field, and reads them up to it', () => {
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ instalmentAmount: 3_000_000_000 })))).toBe('instalmentAmount');
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ totalRepayment: INT_MAX + 1 })))).toBe('totalRepayment');
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ totalRepayment: String(INT_MAX + 1) })))).toBe('totalRepayment');
    expect(readLoanRequestFigures(loanFigures({ instalmentAmount: INT_MAX, totalRepayment: INT_MAX }))).toMatchObject({ instalmentAmountCents: INT_MAX, totalRepaymentCents: INT_MAX });
  });

  it('refuses an APR that is no yearly rate (below 0, 100 % or more: which also keeps it inside Decimal(7,3))', () => {
    for (const apr of [123456.7, 10000, 9999.9995, 100, -0.01, -10000, '12345']) {
      expect(refusedField(() => readLoanRequestFigures(loanFigures({ apr })))).toBe('apr');
    }
    for (const apr of [0, 10.36, 99.999]) {
      expect(readLoanRequestFigures(loanFigures({ apr })).apr).toBe(apr);
    }
  });

  it('refuses an approval\'s net amount past PostgreSQL integer, and a payment day that is no day of a month', () => {
    expect(refusedField(() => readApproval(approval({ netAmount: 3_000_000_000 }), 4_000_000_000))).toBe('netAmount');
    for (const paymentDayOfMonth of [0, 32, 99_999_999_999, '0']) {
      expect(refusedField(() => readApproval(approval({ paymentDayOfMonth }), 100_000))).toBe('paymentDayOfMonth');
    }
    expect(readApproval(approval({ netAmount: INT_MAX, paymentDayOfMonth: 31 }), INT_MAX)).toMatchObject({ netAmountCents: INT_MAX, paymentDayOfMonth: 31 });
    expect(readApproval(approval({ paymentDayOfMonth: '1' }), 100_000)).toMatchObject({ paymentDayOfMonth: 1 });
  });

  it('refuses text PostgreSQL cannot store (a NUL) and a token too long for the orders table\'s unique index', () => {
    expect(refusedField(() => readApproval(approval({ redirectUrl: 'https://soisy.example/\u0000' }), 100_000))).toBe('redirectUrl');
    expect(refusedField(() => readCreatedOrder({ token: 't'.repeat(513), redirectUrl: 'https://soisy.example/r' }))).toBe('token');
    expect(refusedField(() => readCreatedOrder({ token: 'to\u0000ken', redirectUrl: 'https://soisy.example/r' }))).toBe('token');
    expect(readCreatedOrder({ token: 't'.repeat(512), redirectUrl: 'https://soisy.example/r' }).token).toHaveLength(512);
  });

  it('refuses offers no shopper should see: a zero or larger-than-total instalment, a zero total, a rate out of range, also in quotes', () => {
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ instalmentAmount: 0 })))).toBe('instalmentAmount');
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ instalmentAmount: 200_000, totalRepayment: 105_444 })))).toBe('instalmentAmount');
    expect(refusedField(() => readLoanRequestFigures(loanFigures({ totalRepayment: 0 })))).toBe('totalRepayment');
    const quote = { fee: 0, interest: 5444, interestRate: 9.9, totalRepaid: 105_444, apr: 10.36, instalmentAmount: 8787 };
    const quotes = (min: Record<string, unknown>) => ({ min: { ...quote, ...min }, median: quote, max: quote });
    expect(refusedField(() => readQuotes(quotes({ apr: -3 })))).toBe('apr');
    expect(refusedField(() => readQuotes(quotes({ interestRate: 1e300 })))).toBe('interestRate');
    expect(refusedField(() => readQuotes(quotes({ instalmentAmount: 0 })))).toBe('instalmentAmount');
    expect(refusedField(() => readQuotes(quotes({ totalRepaid: 5 })))).toBe('instalmentAmount');
    expect(readQuotes(quotes({ fee: 0, interest: 0, interestRate: 0, apr: 0, totalRepaid: 100_000, instalmentAmount: 10_000 })).min).toMatchObject({ apr: 0, totalRepaidCents: 100_000 });
  });

  it('refuses an approval whose net amount is 0 or more than the amount asked for, or whose redirect URL is no http(s) URL', () => {
    expect(refusedField(() => readApproval(approval({ netAmount: 0 }), 100_000))).toBe('netAmount');
    expect(refusedField(() => readApproval(approval({ netAmount: 150_000 }), 100_000))).toBe('netAmount');
    expect(readApproval(approval({ netAmount: 100_000 }), 100_000)).toMatchObject({ netAmountCents: 100_000 });
    for (const redirectUrl of ['javascript:alert(1)', 'data:text/html,hi', '/relative/path', 'soisy.example/r', 'ftp://soisy.example/r']) {
      expect(refusedField(() => readApproval(approval({ redirectUrl }), 100_000))).toBe('redirectUrl');
      expect(refusedField(() => readCreatedOrder({ token: 'tok', redirectUrl }))).toBe('redirectUrl');
    }
    expect(readApproval(approval({ redirectUrl: 'http://127.0.0.1:8081/funnel/partnershop#/x' }), 100_000)).toMatchObject({ approved: true });
  });

  it('still passes on Get order\'s amounts, which it only compares and shows', () => {
    expect(readOrder({ token: 'tok', status: 'quote', loanAmount: 3_000_000_000 }).amountCents).toBe(3_000_000_000);
  });
});
