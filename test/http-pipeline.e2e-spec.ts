import type { Logger } from 'pino';
import request from 'supertest';
import { startStack, type Stack } from './support/stack.js';

/**
 * What every response carried when @fastify/helmet set the security headers (captured from the
 * service before they were computed once at start): the same names and values, on every kind of route.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
    "img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-inline';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('the HTTP pipeline every request goes through', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ DOCS_ENABLED: 'true' });
  });
  afterAll(() => stack.close());

  it.each([
    ['an API answer', '/v1/quotes?amount=100000&instalments=12', 200],
    ['an API problem', '/v1/quotes?amount=1&instalments=12', 400],
    ['an unknown route', '/v1/nope', 404],
    ['the OpenAPI explorer', '/docs', 200],
    ['a static file of the explorer', '/docs/swagger-ui.css', 200],
    ['the OpenAPI document', '/docs-json', 200],
    ['a health probe', '/health/live', 200],
  ])('sends the same security headers on %s', async (_what, path, status) => {
    const res = await request(stack.url).get(path);
    expect(res.status).toBe(status);
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('still lets a route replace one of them (the widget script is embeddable cross-origin)', async () => {
    const res = await request(stack.url).get('/widget/soisy-quote.js');
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ ...SECURITY_HEADERS, 'cross-origin-resource-policy': 'cross-origin' });
  });

  it('sends them on a refusal answered before any route runs (rate limit)', async () => {
    const limited = await startStack({ RATE_LIMIT_PER_MINUTE: '1' });
    try {
      await request(limited.url).get('/v1/nope');
      const res = await request(limited.url).get('/v1/nope');
      expect(res.status).toBe(429);
      expect(res.headers).toMatchObject(SECURITY_HEADERS);
    } finally {
      await limited.close();
    }
  });

  it('builds one logger per request (Fastify\'s, carrying the request id), not one per logging library', async () => {
    // Every pino logger derives from pino's prototype, so a counting `child` there sees them all.
    let owner: object = stack.app.getHttpAdapter().getInstance().log;
    while (!Object.prototype.hasOwnProperty.call(owner, 'child')) owner = Object.getPrototypeOf(owner) as object;
    const pinoPrototype = owner as Logger;
    const child = pinoPrototype.child;
    const built: string[] = [];
    pinoPrototype.child = function (this: Logger, bindings: Record<string, unknown>, options?: object) {
      built.push(JSON.stringify(Object.keys(bindings).map((key) => [key, typeof bindings[key] === 'string' ? bindings[key] : typeof bindings[key]])));
      return child.call(this, bindings, options);
    } as Logger['child'];
    try {
      // A cache miss: the request calls Soisy through the gateway, which logs through nestjs-pino.
      const res = await request(stack.url).get('/v1/quotes?amount=123400&instalments=10').set('x-request-id', 'one-logger-1');
      expect(res.status).toBe(200);
      expect(built).toEqual([JSON.stringify([['requestId', 'one-logger-1']])]);
    } finally {
      pinoPrototype.child = child;
    }
  });
});
