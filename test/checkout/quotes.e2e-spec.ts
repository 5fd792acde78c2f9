import request from 'supertest';
import { startStack, type Stack } from '../support/stack.js';

describe('instalment quotes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ QUOTES_CACHE_TTL_SECONDS: '30' });
  });
  afterAll(() => stack.close());

  const quoteCalls = async () => (await stack.soisyCalls()).filter((call) => call.path.endsWith('/loan-quotes')).length;

  it('answers the three tiers in cents with the rates as numbers', async () => {
    const res = await request(stack.url).get('/v1/quotes?amount=100000&instalments=12');
    expect(res.status).toBe(200);
    expect(res.body.median).toEqual({ instalmentAmount: 8787, totalRepayment: 105444, apr: 10.36, interestRate: 9.9, interest: 5444, fee: 0 });
    expect(Object.keys(res.body)).toEqual(['min', 'median', 'max']);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
  });

  it('asks Soisy once for the same question within the cache time, even when asked concurrently', async () => {
    const before = await quoteCalls();
    const answers = await Promise.all(Array.from({ length: 5 }, () => request(stack.url).get('/v1/quotes?amount=250000&instalments=24&zeroInterestRate=true')));
    await request(stack.url).get('/v1/quotes?amount=250000&instalments=24&zeroInterestRate=true').expect(200);
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0].body.median).toMatchObject({ interestRate: 0, totalRepayment: 250000 });
    expect((await quoteCalls()) - before).toBe(1);
  });

  it('asks Soisy again for a different question', async () => {
    const before = await quoteCalls();
    await request(stack.url).get('/v1/quotes?amount=250000&instalments=24&zeroInterestRate=false').expect(200);
    expect((await quoteCalls()) - before).toBe(1);
  });
});
