import { validateSync } from 'class-validator';
import { codiceFiscaleCheckCharacter, IsCodiceFiscale, isValidCodiceFiscale } from './codice-fiscale.js';

// Check characters below were computed by an independent script, not copied from memory.
describe('Italian fiscal codes', () => {
  it('accepts well-formed codes whose check character is right', () => {
    expect(isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidCodiceFiscale('MRTMTT25D09F205Z')).toBe(true);
    expect(isValidCodiceFiscale('BNCGNN80A41H501X')).toBe(true); // a woman: day + 40
  });

  it('accepts omocodic codes, where letters stand in for digits', () => {
    expect(isValidCodiceFiscale('RSSMRA85T10A56NH')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRA85T10A5RNS')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRAURTMLARNNG')).toBe(true);
  });

  it('accepts lower case, since the check is about the characters and not how they were typed', () => {
    expect(isValidCodiceFiscale('rssmra85t10a562s')).toBe(true);
  });

  it('refuses a wrong check character', () => {
    expect(isValidCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85T10A56NS')).toBe(false); // omocodic, but the check was not recomputed
  });

  it('refuses bad shapes, impossible months and impossible days', () => {
    for (const code of ['', 'RSSMRA85T10A562', 'RSSMRA85T10A562SX', 'RSSMRA85Z10A562S', 'RSSMRA85TA0A562S', '1SSMRA85T10A562S', 'RSSMRA85T00A562S', 'RSSMRA85T35A562S', ' RSSMRA85T10A562S']) {
      expect(isValidCodiceFiscale(code)).toBe(false);
    }
    expect(isValidCodiceFiscale(12345)).toBe(false);
  });

  it('computes the check character from the first fifteen characters', () => {
    expect(codiceFiscaleCheckCharacter('RSSMRA85T10A562')).toBe('S');
    expect(codiceFiscaleCheckCharacter('MRTMTT25D09F205')).toBe('Z');
  });

  it('reports a bad code through the decorator with a message naming the field', () => {
    class Applicant {
      @IsCodiceFiscale() fiscalCode!: string;
    }
    const applicant = Object.assign(new Applicant(), { fiscalCode: 'RSSMRA85T10A562T' });
    const [error] = validateSync(applicant);
    expect(error.constraints).toEqual({ isCodiceFiscale: 'fiscalCode must be a valid Italian fiscal code (codice fiscale)' });
    expect(validateSync(Object.assign(new Applicant(), { fiscalCode: 'RSSMRA85T10A562S' }))).toEqual([]);
  });
});
