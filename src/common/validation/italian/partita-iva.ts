import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Italian partita IVA: 11 digits whose last is a Luhn check digit (digits in even positions are
 * doubled, 9 subtracted above 9). All zeros passes the checksum but is no one's number.
 */
/** Spaces removed (`011 146 010 06`, or one left by autofill): what is checked and sent. */
export function normalisePartitaIva(text: string): string {
  return text.replace(/\s+/g, '');
}

export function isValidPartitaIva(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value) || /^0+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(value[i]);
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}

export function IsPartitaIva(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPartitaIva',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isValidPartitaIva(value),
        defaultMessage: () => '$property must be a valid Italian VAT number (partita IVA, 11 digits)',
      },
    });
}
