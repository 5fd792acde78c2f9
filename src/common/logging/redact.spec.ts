import { REDACTED, redactDeep, redactUrl } from './redact.js';

describe('log redaction', () => {
  it('masks personal data and secrets at any depth, whatever the key case', () => {
    const line = {
      req: { headers: { Authorization: 'Bearer abc', 'x-auth-token': 'partnerkey' } },
      body: { customer: { fiscalCode: 'RSSMRA85T10A562S', email: 'a@b.it', nested: [{ mobilePhone: '3331234567' }] } },
      amount: 10000,
    };
    const out = JSON.stringify(redactDeep(line));
    for (const secret of ['Bearer abc', 'partnerkey', 'RSSMRA85T10A562S', 'a@b.it', '3331234567']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain(REDACTED);
    expect(out).toContain('10000');
  });

  it('masks the per-order secret in a callback URL', () => {
    expect(redactUrl('/v1/soisy/callbacks/s3cr3t?x=1')).toBe(`/v1/soisy/callbacks/${REDACTED}?x=1`);
  });

  it('logs an order token only by its first characters, whatever route follows it', () => {
    expect(redactUrl('/v1/orders/83bc03368f57782b6abff0d5/approval')).toBe('/v1/orders/83bc03…/approval');
    expect(redactUrl('/v1/orders/83bc03368f57782b6abff0d5?x=1')).toBe('/v1/orders/83bc03…?x=1');
    expect(redactUrl('/v1/orders?status=approved')).toBe('/v1/orders?status=approved');
  });
});
