import { callbackWithoutPersonalData, ERASED, withoutPersonalData } from './personal-data-fields.js';

describe('erasing personal data from stored JSON', () => {
  it('replaces the value of every personal field, at any depth, and keeps figures and codes', () => {
    const data = {
      amountCents: 100000, instalments: 12, soisyStatus: 'disbursed', error: 'SOISY.TIMEOUT', reason: 'attempts_exhausted',
      customer: { email: 'mario.rossi@example.com' },
      approvals: [{ fiscalCode: 'RSSMRA85T10A562S', netAmountCents: 98000 }],
      note: 'Mario Rossi phoned to cancel',
    };
    expect(withoutPersonalData(data)).toEqual({
      amountCents: 100000, instalments: 12, soisyStatus: 'disbursed', error: 'SOISY.TIMEOUT', reason: 'attempts_exhausted',
      customer: ERASED,
      approvals: [{ fiscalCode: ERASED, netAmountCents: 98000 }],
      note: ERASED,
    });
  });

  it('answers the same object when there was nothing to erase, so unchanged rows are not rewritten', () => {
    const data = { attempt: 1, amount: 100000, nested: [{ code: 'X' }] };
    expect(withoutPersonalData(data)).toBe(data);
    expect(withoutPersonalData(null)).toBeNull();
    const erasedAlready = { fiscalCode: ERASED };
    expect(withoutPersonalData(erasedAlready)).toBe(erasedAlready);
  });

  it("keeps only a callback's identifying and amount fields", () => {
    const payload = { eventId: 'LoanWasDisbursed', eventDate: '2026-11-22 10:15:00', orderToken: 't', orderReference: 'ORD-1', amount: 100000, eventMessage: 'payment received for Mario Rossi', extra: 'x' };
    expect(callbackWithoutPersonalData(payload)).toEqual({ ...payload, eventMessage: ERASED, extra: ERASED });
    const clean = { eventId: 'LoanWasApproved', eventDate: 'd', orderToken: 't', orderReference: '' };
    expect(callbackWithoutPersonalData(clean)).toBe(clean);
  });
});
