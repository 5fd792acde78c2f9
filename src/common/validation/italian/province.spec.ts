import { validateSync } from 'class-validator';
import { IsItalianProvince, isItalianProvince, normaliseProvince } from './province.js';
import { PROVINCE_SIGLE } from './province-sigle.js';

describe('Italian province sigle', () => {
  it('lists the 107 current provinces and metropolitan cities, each once, Sud Sardegna included', () => {
    expect(PROVINCE_SIGLE).toHaveLength(107);
    expect(new Set(PROVINCE_SIGLE).size).toBe(107);
    for (const sigla of ['MI', 'RM', 'NA', 'TO', 'SU', 'BT', 'MB', 'FM', 'VB', 'AO', 'KR']) expect(isItalianProvince(sigla)).toBe(true);
  });

  it('refuses codes no current province has: unknown ones and the Sardinian provinces abolished in 2016', () => {
    for (const sigla of ['XX', 'ZZ', 'CI', 'VS', 'OG', 'OT', 'Milano', 'M', '']) expect(isItalianProvince(sigla)).toBe(false);
  });

  it('upper-cases and trims what shoppers and autofill type', () => {
    expect(['mi', ' Mi ', 'rm\t', 'SU'].map(normaliseProvince)).toEqual(['MI', 'MI', 'RM', 'SU']);
  });

  it('reports an unknown code through the decorator, naming the field', () => {
    class Address {
      @IsItalianProvince() province!: string;
    }
    const [error] = validateSync(Object.assign(new Address(), { province: 'XX' }));
    expect(error.constraints).toEqual({ isItalianProvince: 'province must be the two-letter code (sigla) of an Italian province, e.g. MI or RM' });
  });
});
