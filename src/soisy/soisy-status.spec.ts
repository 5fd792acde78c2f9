import { normaliseSoisyStatus } from './soisy-status.js';

describe('Normalising Soisy order statuses', () => {
  it('accepts every documented status in any case', () => {
    expect(normaliseSoisyStatus('WAITING_FOR_DISBURSEMENT')).toBe('waiting_for_disbursement');
    expect(normaliseSoisyStatus('Disbursed')).toBe('disbursed');
    expect(normaliseSoisyStatus('quote')).toBe('quote');
  });

  it('maps the third-party spellings onto ours', () => {
    expect(normaliseSoisyStatus('request_approved')).toBe('request_accepted');
    expect(normaliseSoisyStatus('REQUEST_APPROVED')).toBe('request_accepted');
    expect(normaliseSoisyStatus('canceled')).toBe('cancelled');
    expect(normaliseSoisyStatus('Cancelled')).toBe('cancelled');
  });

  it('knows nothing of an unknown or missing status', () => {
    expect(normaliseSoisyStatus('teleported')).toBeUndefined();
    expect(normaliseSoisyStatus(undefined)).toBeUndefined();
    expect(normaliseSoisyStatus(3)).toBeUndefined();
  });
});
