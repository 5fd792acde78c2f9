/**
 * Italian codice fiscale. Digits in the date and place parts may be replaced by letters
 * (omocodia: LMNPQRSTUV stand for 0–9) when two people would otherwise share a code.
 */
const DIGIT = '[0-9LMNPQRSTUV]';
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT}{2}[ABCDEHLMPRST]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);

// Values of a character in an odd (1st, 3rd, …) position, for 0–9 then A–Z.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function alphanumericIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65 + 10;
}

function evenValue(char: string): number {
  const index = alphanumericIndex(char);
  return index < 10 ? index : index - 10;
}

export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = first15[i];
    sum += i % 2 === 0 ? ODD[alphanumericIndex(char)] : evenValue(char);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function isValidFiscalCode(code: string, mode: 'format' | 'strict'): boolean {
  const upper = code.toUpperCase();
  if (!SHAPE.test(upper)) return false;
  return mode === 'format' || checkCharacter(upper.slice(0, 15)) === upper[15];
}
