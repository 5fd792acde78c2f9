import { codiceFiscaleCheckCharacter } from '../../../src/common/validation/italian/index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTHS = 'ABCDEHLMPRST';
let counter = 0;

/**
 * A fresh, valid codice fiscale on every call (check character right), because the emulator lets a
 * person make one loan request only. Unique within a test run: the counter is spelled in the
 * surname letters, the process id in the name letters.
 */
export function freshFiscalCode(): string {
  counter += 1;
  const surname = spell(counter, 3);
  const name = spell(process.pid + Math.floor(Math.random() * 1000) * 100_000, 3);
  const year = String(50 + (counter % 50)).padStart(2, '0');
  const month = MONTHS[counter % 12];
  const day = String(1 + (counter % 28)).padStart(2, '0');
  const base = `${surname}${name}${year}${month}${day}H501`;
  return base + codiceFiscaleCheckCharacter(base);
}

function spell(value: number, length: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    text = LETTERS[rest % 26] + text;
    rest = Math.floor(rest / 26);
  }
  return text;
}
