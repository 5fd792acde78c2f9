import { normaliseCallingCode, parseMobilePhone } from './mobile-phone.js';

const ITALIAN = { nationalNumber: '3331234567', countryCallingCode: '+39' };

describe('Mobile phone numbers as shoppers type them', () => {
  it.each([
    '3331234567', '333 123 4567', '333 1234567', '+39 333 1234567', '+393331234567', '00393331234567', '0039 333 1234567',
    '393331234567', '+39 (333) 123-4567', '333.123.4567', '333-123-4567', '(333) 1234567', '333/1234567', ' 333 1234567 ', '(+39) 333 1234567',
  ])('reads %j as the Italian mobile 333 1234567', (typed) => {
    expect(parseMobilePhone(typed)).toEqual(ITALIAN);
  });

  it('keeps Italian mobiles whose number itself starts with 39 (TIM 393…), and nine-digit ones', () => {
    expect(parseMobilePhone('393 1234567')).toEqual({ nationalNumber: '3931234567', countryCallingCode: '+39' });
    expect(parseMobilePhone('333 123456')).toEqual({ nationalNumber: '333123456', countryCallingCode: '+39' });
  });

  it('reads another country\'s mobile from its prefix, and answers that country\'s calling code', () => {
    expect(parseMobilePhone('+41 79 123 45 67')).toEqual({ nationalNumber: '791234567', countryCallingCode: '+41' });
    expect(parseMobilePhone('0041 79 123 45 67')).toEqual({ nationalNumber: '791234567', countryCallingCode: '+41' });
    expect(parseMobilePhone('+44 7911 123456')).toEqual({ nationalNumber: '7911123456', countryCallingCode: '+44' });
  });

  it('reads a number without prefix in the country of the countryCallingCode given with it', () => {
    expect(parseMobilePhone('79 123 45 67', '+41')).toEqual({ nationalNumber: '791234567', countryCallingCode: '+41' });
    expect(parseMobilePhone('333 1234567', '0039')).toEqual(ITALIAN);
    expect(parseMobilePhone('+39 333 1234567', '+39')).toEqual(ITALIAN);
  });

  it('refuses landlines, toll-free and other numbers that cannot receive a text', () => {
    for (const typed of ['06 1234567', '+39 06 1234567', '02 12345678', '0331 234567', '800 123456']) expect(parseMobilePhone(typed)).toBe('not_mobile');
  });

  it('refuses what is not a phone number at all', () => {
    for (const typed of ['', '333', '3331234', '333 CALL NOW', '333 1234567 ext. 12', '+39 3xx', '12345678901234567890', 3331234567, null]) {
      expect(parseMobilePhone(typed)).toBe('format');
    }
  });

  it('refuses a number whose own prefix contradicts the countryCallingCode sent with it', () => {
    expect(parseMobilePhone('+41 79 123 45 67', '+39')).toBe('prefix_mismatch');
  });

  it('refuses a countryCallingCode no country has', () => {
    expect(parseMobilePhone('333 1234567', '+999')).toBe('calling_code');
    expect(parseMobilePhone('333 1234567', 'Italy')).toBe('calling_code');
  });

  it('spells calling codes one way', () => {
    expect(['+39', '39', '0039', ' +39 '].map(normaliseCallingCode)).toEqual(['+39', '+39', '+39', '+39']);
    expect(['+999', '', '+', 'IT', 39].map(normaliseCallingCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
