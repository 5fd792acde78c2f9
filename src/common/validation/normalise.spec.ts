import { normalisedEmail, trimmed, upperCased } from './normalise.js';
import { normaliseCodiceFiscale, normalisePartitaIva } from './italian/index.js';

describe('Normalising identifiers at the edge', () => {
  it('spells a fiscal code one way: upper case, no spaces anywhere', () => {
    expect(normaliseCodiceFiscale('bncgli88m52h501h')).toBe('BNCGLI88M52H501H');
    expect(normaliseCodiceFiscale('BNCGLI88M52H501H ')).toBe('BNCGLI88M52H501H');
    expect(normaliseCodiceFiscale(' bncgli 88m52 h501h')).toBe('BNCGLI88M52H501H');
  });

  it('removes the spaces in a partita IVA', () => {
    expect(normalisePartitaIva(' 011 146 010 06 ')).toBe('01114601006');
  });

  it('trims names and CAPs, upper-cases country codes, lower-cases only an email\'s domain', () => {
    expect(trimmed(' 20121 ')).toBe('20121');
    expect(trimmed('Mario ')).toBe('Mario');
    expect(upperCased(' it ')).toBe('IT');
    expect(normalisedEmail(' Mario.Rossi@Example.COM ')).toBe('Mario.Rossi@example.com');
  });
});
