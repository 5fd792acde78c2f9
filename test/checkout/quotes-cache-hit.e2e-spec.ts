import { jest } from '@jest/globals';
import { symbols } from 'pino';
import request from 'supertest';
import { DrainState } from '../../src/common/lifecycle/drain-state.js';
import { QuotesService } from '../../src/quotes/quotes.service.js';
import { startStack, type Stack } from '../support/stack.js';

const SHOP = 'https://shop.example.it';
const QUOTE = '/v1/quotes?amount=100000&instalments=12';

/** Headers that differ between any two responses (the clock, the request, the limiter's count). */
const PER_RESPONSE = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection', 'keep-alive']);
const stable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));

const quoteCalls = async (stack: Stack) => (await stack.soisyCalls()).filter((call) => call.path.endsWith('/loan-quotes')).length;

/**
 * A cached quote is answered before Nest's pipeline (src/quotes/cached-quote-answers.ts): what the
 * shopper and the operator see must not tell it apart from an answer through the controller.
 */
describe('a cached quote', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ QUOTES_CACHE_TTL_SECONDS: '30', CORS_ORIGINS: SHOP });
  });
  afterAll(() => stack.close());

  it('has the same status, body and headers as the answer that filled the cache', async () => {
    const before = await quoteCalls(stack);
    // Which way each answer took: the controller calls `quote`, the cache-hit step does not.
    const throughController = jest.spyOn(stack.app.get(QuotesService), 'quote');
    let miss, hit;
    try {
      miss = await request(stack.url).get(QUOTE).set('origin', SHOP);
      expect(throughController).toHaveBeenCalledTimes(1);
      hit = await request(stack.url).get(QUOTE).set('origin', SHOP);
      expect(throughController).toHaveBeenCalledTimes(1);
    } finally {
      throughController.mockRestore();
    }
    expect((await quoteCalls(stack)) - before).toBe(1);
    expect(hit.status).toBe(200);
    expect(hit.text).toBe(miss.text);
    expect(stable(hit.headers)).toEqual(stable(miss.headers));
    expect(hit.headers).toMatchObject({
      'cache-control': 'public, max-age=30',
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': SHOP,
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-content-type-options': 'nosniff',
      'x-ratelimit-limit': expect.any(String),
      'x-ratelimit-remaining': expect.any(String),
      'x-request-id': expect.any(String),
    });
  });

  it('answers the same for another spelling of the same question (through the validation pipe)', async () => {
    const plain = await request(stack.url).get(QUOTE);
    const spelled = await request(stack.url).get('/v1/quotes?amount=0100000&instalments=12.0');
    expect(spelled.status).toBe(200);
    expect(spelled.text).toBe(plain.text);
    expect(spelled.headers['cache-control']).toBe(plain.headers['cache-control']);
  });

  it.each([
    ['an unknown parameter', `${QUOTE}&currency=EUR`, 'currency'],
    ['a non-boolean zeroInterestRate', `${QUOTE}&zeroInterestRate=maybe`, 'zeroInterestRate'],
    ['an empty zeroInterestRate', `${QUOTE}&zeroInterestRate=`, 'zeroInterestRate'],
    ['a fractional amount', '/v1/quotes?amount=100000.5&instalments=12', 'amount'],
    ['an amount written twice', '/v1/quotes?amount=100000&amount=100000&instalments=12', 'amount'],
  ])('still refuses %s with a problem naming the field, though the question is cached', async (_what, path, field) => {
    await request(stack.url).get(QUOTE).expect(200);
    const res = await request(stack.url).get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('is counted in the request metrics by its route', async () => {
    await request(stack.url).get(QUOTE).expect(200);
    const count = async () => {
      const text = (await request(stack.url).get('/metrics')).text;
      return Number(/http_request_duration_seconds_count\{method="GET",route="\/v1\/quotes",status="200"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await count();
    for (let i = 0; i < 3; i += 1) await request(stack.url).get(QUOTE).expect(200);
    expect((await count()) - before).toBe(3);
  });

  it('is logged as a request line with its request id, URL and status', async () => {
    await request(stack.url).get(QUOTE).expect(200);
    // The stack logs nothing (LOG_LEVEL silent): the root logger, which Fastify's request loggers
    // are children of, is turned to info and its stream captured for this one request.
    const root = stack.app.getHttpAdapter().getInstance().log as unknown as Record<PropertyKey, unknown> & { level: string };
    const stream = root[symbols.streamSym];
    const level = root.level;
    const lines: string[] = [];
    root[symbols.streamSym] = { write: (line: string) => lines.push(line) };
    root.level = 'info';
    try {
      await request(stack.url).get(QUOTE).set('x-request-id', 'cached-quote-1').expect(200);
    } finally {
      root.level = level;
      root[symbols.streamSym] = stream;
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        requestId: 'cached-quote-1',
        msg: 'request completed',
        // (Fastify's `req` serializer keeps method and url of what request-logging.ts writes.)
        req: expect.objectContaining({ method: 'GET', url: QUOTE }),
        res: { statusCode: 200 },
      }),
    ]);
  });
});

describe('a cached quote under the per-client rate limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ QUOTES_CACHE_TTL_SECONDS: '30', RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => stack.close());

  it('counts towards the limit and is refused with 429 once it is spent', async () => {
    await request(stack.url).get(QUOTE).expect(200);
    const hit = await request(stack.url).get(QUOTE);
    expect(hit.status).toBe(200);
    expect(hit.headers['x-ratelimit-remaining']).toBe('1');
    await request(stack.url).get(QUOTE).expect(200);
    const refused = await request(stack.url).get(QUOTE);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe('a cached quote during a drain', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ QUOTES_CACHE_TTL_SECONDS: '30' });
  });
  afterAll(() => stack.close());

  it('is counted in flight until answered, then refused once the drain has begun', async () => {
    const drain = stack.app.get(DrainState);
    await request(stack.url).get(QUOTE).expect(200);
    const enter = jest.spyOn(drain, 'enter');
    try {
      await request(stack.url).get(QUOTE).expect(200);
      expect(enter).toHaveBeenCalled();
    } finally {
      enter.mockRestore();
    }
    await drain.idle();
    expect(drain.pending).toBe(0);
    drain.beginDrain();
    const res = await request(stack.url).get(QUOTE);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE.SHUTTING_DOWN');
    expect(res.headers['retry-after']).toBeDefined();
  });
});
