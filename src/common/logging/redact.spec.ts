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
    expect(redactUrl('/v1/soisy/callbacks/s3cr3t?limit=1')).toBe(`/v1/soisy/callbacks/${REDACTED}?limit=1`);
  });

  it('logs an order token only by its first characters, whatever route follows it', () => {
    expect(redactUrl('/v1/orders/83bc03368f57782b6abff0d5/approval')).toBe('/v1/orders/83bc03…/approval');
    expect(redactUrl('/v1/orders/83bc03368f57782b6abff0d5?x=1')).toBe(`/v1/orders/83bc03…?${REDACTED}=${REDACTED}`);
    expect(redactUrl('/v1/orders?status=approved')).toBe('/v1/orders?status=approved');
  });

  it('logs query parameter names with their values masked, but for harmless numbers and enum words', () => {
    expect(redactUrl('/v1/events?orderToken=bc9d131994f9bf710e3a9ea5')).toBe(`/v1/events?orderToken=${REDACTED}`);
    expect(redactUrl('/v1/quotes?amount=123400&instalments=10&fiscalCode=RSSMRA80A01H501U'))
      .toBe(`/v1/quotes?amount=123400&instalments=10&fiscalCode=${REDACTED}`);
    expect(redactUrl('/v1/orders?status=approved&from=2026-01-01T00:00:00Z&limit=5&cursor=eyJ0Ijo'))
      .toBe(`/v1/orders?status=approved&from=2026-01-01T00:00:00Z&limit=5&cursor=${REDACTED}`);
    // An allow-listed name with a value of another shape, and names nobody documented.
    expect(redactUrl('/v1/quotes?amount=RSSMRA80A01H501U&type=a%40b.it&RSSMRA80A01H501U=1&email=a@b.it#frag'))
      .toBe(`/v1/quotes?amount=${REDACTED}&type=${REDACTED}&${REDACTED}=${REDACTED}&email=${REDACTED}`);
    expect(redactUrl('/v1/quotes?amount=3331234567')).toBe(`/v1/quotes?amount=${REDACTED}`);
  });

  it('masks path segments that look like personal data, wherever the route', () => {
    expect(redactUrl('/v1/nowhere/RSSMRA80A01H501U/anna%40example.it/3331234567')).toBe(`/v1/nowhere/${REDACTED}/${REDACTED}/${REDACTED}`);
    expect(redactUrl('/v1/orders/RSSMRA80A01H501U')).toBe(`/v1/orders/${REDACTED}`);
    expect(redactUrl('/v1/orders/3331234567/history')).toBe(`/v1/orders/${REDACTED}/history`);
    expect(redactUrl('/v1/events/4b0c2a8e-9d1f-4a53-8e51-0c3e0b1f2a77/resend')).toBe('/v1/events/4b0c2a8e-9d1f-4a53-8e51-0c3e0b1f2a77/resend');
    expect(redactUrl('/widget/soisy-quote.js')).toBe('/widget/soisy-quote.js');
  });

  it('changes nothing when a URL is redacted twice', () => {
    for (const url of ['/v1/orders/83bc03368f57782b6abff0d5/history?token=x&limit=5', '/v1/soisy/callbacks/s3cr3t', '/v1/nowhere/a%40b.it?RSSMRA80A01H501U=1']) {
      expect(redactUrl(redactUrl(url))).toBe(redactUrl(url));
    }
  });
});
