import { fieldNestedTooDeeply } from './validation.pipe.js';

describe('the edge validation pipe', () => {
  it('names the field under which a body is nested deeper than any accepted one', () => {
    let deep: unknown = [];
    for (let level = 0; level < 20_000; level++) deep = [deep];
    expect(fieldNestedTooDeeply({ amount: 100000, foo: deep }, 16)).toBe('foo');
    expect(fieldNestedTooDeeply({ customer: { fiscalCode: 'RSSMRA85T10A562S' }, items: [{ a: { b: 1 } }] }, 16)).toBeUndefined();
    expect(fieldNestedTooDeeply('plain', 16)).toBeUndefined();
  });
});
