import { APPROVAL_ERROR_KEYS, CREATE_ORDER_ERROR_KEYS, createOrderBody, LOAN_REQUEST_ERROR_KEYS, quotesQuery } from './soisy-wire.js';

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
