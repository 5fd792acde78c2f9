import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Italian codice fiscale (persons: 16 characters), checked for shape, birth month, birth day and
 * check character, omocodia included. Our own ~40 lines rather than a library: the npm packages
 * either bundle a municipality database we do not need (megabytes, to compute codes from names)
 * or are unmaintained, and the checksum is a fixed public algorithm that is easy to test.
 */

// Omocodia: when two people would share a code, digits in these positions are replaced by letters.
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const DIGIT = `[0-9${OMOCODIA_LETTERS}]`;
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT}{2}[ABCDEHLMPRST]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);

// A character's value in an odd (1st, 3rd, …) position; in an even one, 0–9 count as themselves and A–Z as 0–25.
const ODD_DIGIT_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTER_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function valueOf(char: string, oddPosition: boolean): number {
  const isDigit = char >= '0' && char <= '9';
  const index = isDigit ? Number(char) : char.charCodeAt(0) - 65;
  if (!oddPosition) return index;
  return isDigit ? ODD_DIGIT_VALUES[index] : ODD_LETTER_VALUES[index];
}

/** The 16th character, computed from the first 15 (upper case). */
export function codiceFiscaleCheckCharacter(code: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += valueOf(code[i], i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * The one spelling of a fiscal code that is stored and sent to Soisy: upper case, with the spaces
 * shoppers and autofill put around or inside it (`RSS MRA 85T10 A562S`) removed.
 */
export function normaliseCodiceFiscale(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Case-insensitive: shoppers type in lower case; callers should store the upper-case form. */
export function isValidCodiceFiscale(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const code = value.toUpperCase();
  if (!SHAPE.test(code)) return false;
  // Day of birth, +40 for women: 1–31 or 41–71.
  const day = Number(undigitise(code.slice(9, 11)));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceFiscaleCheckCharacter(code) === code[15];
}

function undigitise(part: string): string {
  return part.replace(/[LMNPQRSTUV]/g, (letter) => String(OMOCODIA_LETTERS.indexOf(letter)));
}

export function IsCodiceFiscale(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCodiceFiscale',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isValidCodiceFiscale(value),
        defaultMessage: () => '$property must be a valid Italian fiscal code (codice fiscale)',
      },
    });
}
