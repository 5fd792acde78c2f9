import { AppError } from '../common/errors/app-error.js';
import { GATEWAY_FIELD_NAMES, withFieldNames } from './soisy-field-names.js';

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
