import { validateSync } from 'class-validator';
import { IsPartitaIva, isValidPartitaIva } from './partita-iva.js';

// Validity of each example was computed by an independent script.
describe('Italian VAT numbers (partita IVA)', () => {
  it('accepts numbers whose check digit is right', () => {
    for (const vat of ['01114601006', '08946260968', '00743110157', '12345678903']) expect(isValidPartitaIva(vat)).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidPartitaIva('01114601007')).toBe(false);
    expect(isValidPartitaIva('08946260969')).toBe(false);
  });

  it('refuses anything but eleven digits, and all zeros', () => {
    for (const vat of ['0111460100', '011146010066', 'IT01114601006', '0111460100A', '00000000000', '']) expect(isValidPartitaIva(vat)).toBe(false);
    expect(isValidPartitaIva(1114601006)).toBe(false);
  });

  it('reports a bad number through the decorator with a message naming the field', () => {
    class Business {
      @IsPartitaIva() vatId!: string;
    }
    const [error] = validateSync(Object.assign(new Business(), { vatId: '01114601007' }));
    expect(error.constraints).toEqual({ isPartitaIva: 'vatId must be a valid Italian VAT number (partita IVA, 11 digits)' });
  });
});
