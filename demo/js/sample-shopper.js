/**
 * A made-up shopper for trying the demo quickly. The fiscal code is fresh each time (valid check
 * character): Soisy, and its emulator, accept one loan request per person.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTHS = 'ABCDEHLMPRST';
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function checkCharacter(code) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = code[i];
    const index = char >= '0' && char <= '9' ? Number(char) : char.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[index] : index;
  }
  return LETTERS[sum % 26];
}

export function freshFiscalCode() {
  const random = (n) => Math.floor(Math.random() * n);
  const letters = Array.from({ length: 6 }, () => LETTERS[random(26)]).join('');
  const base = `${letters}${String(50 + random(45))}${MONTHS[random(12)]}${String(1 + random(28)).padStart(2, '0')}H501`;
  return base + checkCharacter(base);
}

export function sampleShopper() {
  return {
    firstname: 'Mario', lastname: 'Rossi', email: 'mario.rossi@example.com', mobilePhone: '3331234567',
    fiscalCode: freshFiscalCode(), address: 'Via Roma', streetNumber: '12', city: 'Milano', province: 'MI',
    postalCode: '20121', citizenship: 'italian', jobDescription: 'employee_open_ended_contract',
    residence: 'rent', residenceStartDate: '03/2019', educationalQualification: 'diploma', children: '0',
    salaryType: 'net-monthly', salary: '1800',
  };
}
