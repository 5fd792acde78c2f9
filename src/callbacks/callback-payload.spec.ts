import { ValidationFailed } from '../common/errors/app-error.js';
import { readCallbackPayload } from './callback-payload.js';
import { callbackSecretMatches } from './callback-secret.js';
import { expectedDisbursement } from './callback-events.js';

const form = { eventId: 'LoanWasDisbursed', eventMessage: 'payment received', eventDate: '2026-11-22 10:00:00', orderToken: 'tok', orderReference: '', amount: '100000' };

describe('reading a Soisy callback', () => {
  it('reads the form Soisy sends, amount as integer cents and empty fields as absent', () => {
    expect(readCallbackPayload(form)).toEqual({ ...form, orderReference: undefined, amount: 100000 });
  });

  it('drops fields it does not know instead of refusing the callback', () => {
    expect(readCallbackPayload({ ...form, newField: 'x' })).not.toHaveProperty('newField');
  });

  it('refuses a payload without what identifies the event, naming the field', () => {
    const fieldOf = (body: unknown) => {
      try {
        readCallbackPayload(body);
      } catch (error) {
        return (error as ValidationFailed).fieldErrors[0].field;
      }
      return undefined;
    };
    expect(fieldOf({ ...form, eventId: undefined })).toBe('eventId');
    expect(fieldOf({ ...form, eventDate: '' })).toBe('eventDate');
    expect(fieldOf({ ...form, orderToken: ['a', 'b'] })).toBe('orderToken');
    expect(fieldOf({ ...form, amount: '12.5' })).toBe('amount');
    expect(fieldOf('eventId=x')).toBe('body');
    expect(fieldOf(null)).toBe('body');
  });
});

describe('the callback secret', () => {
  it('matches only the stored secret, and never when there is none', () => {
    expect(callbackSecretMatches('s3cret', 's3cret')).toBe(true);
    expect(callbackSecretMatches('s3cret', 's3cres')).toBe(false);
    expect(callbackSecretMatches('s3cret', undefined)).toBe(false);
    expect(callbackSecretMatches('', '')).toBe(true);
  });
});

describe('the disbursement Soisy should report', () => {
  it('is the released amount after a partial release, else the order amount', () => {
    expect(expectedDisbursement({ amountCents: 100000, releaseStatus: 'none', releaseAmountCents: null })).toBe(100000);
    expect(expectedDisbursement({ amountCents: 100000, releaseStatus: 'released', releaseAmountCents: 80000 })).toBe(80000);
    expect(expectedDisbursement({ amountCents: 100000, releaseStatus: 'scheduled', releaseAmountCents: 80000 })).toBe(100000);
  });
});
