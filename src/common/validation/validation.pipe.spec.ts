import { fieldNestedTooDeeply, flatten } from './validation.pipe.js';

describe('the edge validation pipe', () => {
  it('names the field under which a body is nested deeper than any accepted one', () => {
    let deep: unknown = [];
    for (let level = 0; level < 20_000; level++) deep = [deep];
    expect(fieldNestedTooDeeply({ amount: 100000, foo: deep }, 16)).toBe('foo');
    expect(fieldNestedTooDeeply({ customer: { fiscalCode: 'RSSMRA85T10A562S' }, items: [{ a: { b: 1 } }] }, 16)).toBeUndefined();
    expect(fieldNestedTooDeeply('plain', 16)).toBeUndefined();
  });
});

describe('flatten', () => {
  it('names a wrong type before a failed range, one message per field', () => {
    const error = { property: 'limit', value: 'abc', children: [], constraints: { max: 'limit must not be greater than 100', min: 'limit must not be less than 1', isInt: 'limit must be an integer number' } };
    expect(flatten([error])).toEqual([{ field: 'limit', message: 'limit must be an integer' }]);
  });

  it('keeps the first failed constraint when the type is right', () => {
    const error = { property: 'reason', value: '   ', children: [], constraints: { maxLength: 'reason must be at most 500 characters', matches: 'reason must not be blank' } };
    expect(flatten([error])).toEqual([{ field: 'reason', message: 'reason must be at most 500 characters' }]);
  });
});
