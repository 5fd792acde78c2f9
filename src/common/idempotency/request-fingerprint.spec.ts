import { canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('the fingerprint of an idempotent request', () => {
  const body = { amount: 100000, customer: { lastname: 'Rossi', email: 'm@example.com' }, tags: ['a', 'b'] };

  it('writes objects with their keys sorted at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}');
  });

  it('is the same whatever order the body\'s fields came in', () => {
    const shuffled = { tags: ['a', 'b'], customer: { email: 'm@example.com', lastname: 'Rossi' }, amount: 100000 };
    expect(requestFingerprint({ method: 'POST', route: '/v1/orders', body: shuffled })).toBe(
      requestFingerprint({ method: 'post', route: '/v1/orders', body }),
    );
  });

  it('ignores members whose value is undefined, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('differs when a value, an array order, the route or the method differs', () => {
    const base = requestFingerprint({ method: 'POST', route: '/v1/orders', body });
    expect(requestFingerprint({ method: 'POST', route: '/v1/orders', body: { ...body, amount: 100001 } })).not.toBe(base);
    expect(requestFingerprint({ method: 'POST', route: '/v1/orders', body: { ...body, tags: ['b', 'a'] } })).not.toBe(base);
    expect(requestFingerprint({ method: 'POST', route: '/v1/orders/x/release', body })).not.toBe(base);
    expect(requestFingerprint({ method: 'PUT', route: '/v1/orders', body })).not.toBe(base);
  });

  it('tells a string from a number', () => {
    expect(canonicalJson({ amount: '100000' })).not.toBe(canonicalJson({ amount: 100000 }));
  });
});
