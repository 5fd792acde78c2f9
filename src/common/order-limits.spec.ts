import { limitErrors } from './order-limits.js';

const limits = { amountMinCents: 10_000, amountMaxCents: 1_500_000, instalmentsMin: 3, instalmentsMax: 60 };

describe('the configured limits', () => {
  it('accepts both ends of each range and what is absent', () => {
    expect(limitErrors(limits, { amount: 10_000, instalments: 3 })).toEqual([]);
    expect(limitErrors(limits, { amount: 1_500_000, instalments: 60 })).toEqual([]);
    expect(limitErrors(limits, {})).toEqual([]);
  });

  it('names each field outside its range, with the range in the message', () => {
    expect(limitErrors(limits, { amount: 9_999, instalments: 61 })).toEqual([
      { field: 'amount', message: 'amount must be between 10000 and 1500000 cents' },
      { field: 'instalments', message: 'instalments must be between 3 and 60' },
    ]);
  });
});
