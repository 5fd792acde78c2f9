import { plainQuoteQuery } from './cached-quote-answers.js';

/** What Fastify's query parser hands the route: texts, or a list of texts for a repeated name. */
const parsed = (query: string): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    const before = fields[name];
    fields[name] = before === undefined ? value : ([] as unknown[]).concat(before, value);
  }
  return fields;
};

describe('the plain quote query a cache hit may be answered for', () => {
  it.each([
    ['amount=100000&instalments=12', { amount: 100000, instalments: 12 }],
    ['instalments=12&amount=100000', { amount: 100000, instalments: 12 }],
    ['amount=100000&instalments=12&zeroInterestRate=true', { amount: 100000, instalments: 12, zeroInterestRate: true }],
    ['amount=100000&instalments=12&zeroInterestRate=1', { amount: 100000, instalments: 12, zeroInterestRate: true }],
    ['amount=100000&instalments=12&zeroInterestRate=false', { amount: 100000, instalments: 12, zeroInterestRate: false }],
    ['amount=100000&instalments=12&zeroInterestRate=0', { amount: 100000, instalments: 12, zeroInterestRate: false }],
  ])('reads %s as the validation pipe would', (query, expected) => {
    expect(plainQuoteQuery(parsed(query))).toEqual(expected);
  });

  // Every one of these goes on to the validation pipe, which answers or refuses it as before.
  it.each([
    'instalments=12',
    'amount=100000',
    'amount=&instalments=12',
    'amount=abc&instalments=12',
    'amount=100000.5&instalments=12',
    'amount=1e5&instalments=12',
    'amount=0100000&instalments=12',
    'amount=-100000&instalments=12',
    'amount=+100000&instalments=12',
    'amount= 100000&instalments=12',
    'amount=1000000000&instalments=12',
    'amount=100000&amount=100000&instalments=12',
    'amount=100000&instalments=12&zeroInterestRate=',
    'amount=100000&instalments=12&zeroInterestRate=TRUE',
    'amount=100000&instalments=12&zeroInterestRate=maybe',
    'amount=100000&instalments=12&zeroInterestRate=toString',
    'amount=100000&instalments=12&currency=EUR',
  ])('leaves %s to the validation pipe', (query) => {
    expect(plainQuoteQuery(parsed(query))).toBeUndefined();
  });

  it('leaves a missing query to the validation pipe', () => {
    expect(plainQuoteQuery(undefined)).toBeUndefined();
    expect(plainQuoteQuery(null)).toBeUndefined();
  });
});
