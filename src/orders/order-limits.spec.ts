import { AppError } from '../common/errors/app-error.js';
import { limitErrors } from './order-limits.js';
import { GATEWAY_FIELD_NAMES, withFieldNames } from './soisy-field-names.js';

const limits = { amountMinCents: 10_000, amountMaxCents: 1_500_000, instalmentsMin: 3, instalmentsMax: 60 };

describe('the configured limits', () => {
  it('accepts both ends of each range and what is absent', () => {
    expect(limitErrors(limits, { amount: 10_000, instalments: 3 })).toEqual([]);
    expect(limitErrors(limits, { amount: 1_500_000, instalments: 60 })).toEqual([]);
    expect(limitErrors(limits, {})).toEqual([]);
  });

  it('names each field outside its range, with the range in the message', () => {
    expect(limitErrors(limits, { amount: 9_999, instalments: 61 })).toEqual([
      { field: 'amount', message: 'amount must be between 10000 and 1500000 cents' },
      { field: 'instalments', message: 'instalments must be between 3 and 60' },
    ]);
  });
});

describe('Soisy\'s field errors', () => {
  it('are renamed from the gateway\'s names to the request\'s', () => {
    const error = new AppError('invalid', 'SOISY.INVALID_FIELDS', 'Soisy refused some fields.', {}, [
      { field: 'amountCents', message: 'Importo non valido' },
      { field: 'additional.salary', message: 'Reddito non valido' },
      { field: 'customer.email', message: 'Email non valida' },
    ]);
    const renamed = withFieldNames(error, GATEWAY_FIELD_NAMES) as AppError;
    expect(renamed.fieldErrors.map((fieldError) => fieldError.field)).toEqual(['amount', 'salary', 'customer.email']);
    expect(renamed.code).toBe('SOISY.INVALID_FIELDS');
  });
});
