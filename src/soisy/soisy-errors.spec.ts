import { Logger } from '@nestjs/common';
import { errorFromFailure, errorFromResponse, SoisyCallContext } from './soisy-errors.js';
import { APPROVAL_ERROR_KEYS, LOAN_REQUEST_ERROR_KEYS } from './soisy-wire.js';

const approval: SoisyCallContext = { name: 'requestApproval', method: 'POST', shopId: 'shop', errorKeys: APPROVAL_ERROR_KEYS };
const loanRequest: SoisyCallContext = { name: 'createLoanRequest', method: 'POST', shopId: 'shop', errorKeys: LOAN_REQUEST_ERROR_KEYS };
const getOrder: SoisyCallContext = { name: 'getOrder', method: 'GET', shopId: 'shop', errorKeys: {} };

describe('Mapping Soisy answers to errors', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('names approval field errors with our spelling whichever spelling Soisy used', () => {
    const error = errorFromResponse(approval, 400, {
      errors: { installments: ['The number of installments must be between 3 and 60'], instalments: ['Too many'], streetNumber: ['This value should not be blank.'], residence: ['Scelta non valida'] },
    });
    expect(error).toMatchObject({ kind: 'invalid', code: 'SOISY.INVALID_FIELDS', outcomeUnknown: false });
    expect(error.fieldErrors.map((fieldError) => fieldError.field)).toEqual(['instalments', 'instalments', 'streetNumber', 'additional.residence']);
  });

  it('passes an error key it has no mapping for through unchanged', () => {
    const error = errorFromResponse(loanRequest, 400, { errors: { privacy: ['This value should be equal to "true".'] } });
    expect(error.fieldErrors).toEqual([{ field: 'privacy', message: 'This value should be equal to "true".' }]);
  });

  it('turns a domain error into a rejection carrying Soisy\'s message', () => {
    const error = errorFromResponse(approval, 400, { errors: { domain: ['This sales point cannot apply for a loan'] } });
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'SOISY.REJECTED', detail: 'This sales point cannot apply for a loan' });
  });

  it('turns "User already evaluated for approval" into a conflict of its own', () => {
    const error = errorFromResponse(approval, 400, { errors: { domain: ['User already evaluated for approval'] } });
    expect(error).toMatchObject({ kind: 'conflict', code: 'SOISY.ALREADY_EVALUATED', detail: 'User already evaluated for approval' });
  });

  it('turns a 409 into a conflict carrying Soisy\'s message', () => {
    expect(errorFromResponse(loanRequest, 409, { errors: 'A request already exists for this order' })).toMatchObject({
      kind: 'conflict',
      code: 'SOISY.CONFLICT',
      detail: 'A request already exists for this order',
    });
  });

  it('masks fiscal codes and e-mails that a Soisy message might echo', () => {
    const error = errorFromResponse(loanRequest, 409, { errors: 'Codice RSSMRA85T10A562S già usato da mario@example.com' });
    expect(error.detail).toBe('Codice [fiscal code] già usato da [email]');
  });

  it('turns a 404 about an order we hold into an upstream fault (502), never a not found for our caller', () => {
    expect(errorFromResponse(getOrder, 404, { errors: 'Not found' })).toMatchObject({ kind: 'upstream', code: 'SOISY.ORDER_UNKNOWN_UPSTREAM', outcomeUnknown: false });
    expect(errorFromResponse(approval, 404, { errors: 'Not found' })).toMatchObject({ kind: 'upstream', code: 'SOISY.ORDER_UNKNOWN_UPSTREAM', outcomeUnknown: false });
    expect(errorFromResponse(loanRequest, 404, '')).toMatchObject({ kind: 'upstream', code: 'SOISY.ORDER_UNKNOWN_UPSTREAM' });
  });

  it('marks a 5xx as outcome unknown for a POST but not for a GET', () => {
    expect(errorFromResponse(approval, 502, '')).toMatchObject({ kind: 'upstream', code: 'SOISY.UPSTREAM_ERROR', outcomeUnknown: true });
    expect(errorFromResponse(getOrder, 502, '')).toMatchObject({ kind: 'upstream', code: 'SOISY.UPSTREAM_ERROR', outcomeUnknown: false });
  });

  it('marks a read timeout as outcome unknown for a POST, and a refused connection as known', () => {
    expect(errorFromFailure(approval, { kind: 'read_timeout' })).toMatchObject({ kind: 'upstream_timeout', code: 'SOISY.TIMEOUT', outcomeUnknown: true });
    expect(errorFromFailure(approval, { kind: 'not_sent', reason: 'refused' })).toMatchObject({ kind: 'upstream', code: 'SOISY.UNREACHABLE', outcomeUnknown: false });
    expect(errorFromFailure(approval, { kind: 'dropped' })).toMatchObject({ kind: 'upstream', code: 'SOISY.UNREACHABLE', outcomeUnknown: true });
  });
});
