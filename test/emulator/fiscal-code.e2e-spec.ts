import type { RunningEmulator } from '../../src/emulator/index.js';
import { isValidFiscalCode } from '../../src/emulator/fiscal-code.js';
import { emulator, orders, post, SAMPLE_FISCAL_CODE, VALID_FISCAL_CODE } from './support.js';

describe('Emulator: fiscal code checks', () => {
  it.each([
    ['RSSMRA80A01H501U', 'format', true],
    ['MRTMTT25D09F205Z', 'strict', true],
    ['rssmra80a01h501u', 'strict', true],
    ['RSSMRA80A01H50MM', 'strict', true],
    ['RSSMRA8LAM1H50MQ', 'format', true],
    [SAMPLE_FISCAL_CODE, 'format', true],
    [SAMPLE_FISCAL_CODE, 'strict', false],
    ['RSSMRA80A01H501A', 'strict', false],
    ['RSSMRA80Z01H501U', 'format', false],
    ['RSSMRA80A01H501', 'format', false],
    ['12345678901', 'format', false],
  ] as const)('judges %s in %s mode as %s', (code, mode, valid) => {
    expect(isValidFiscalCode(code, mode)).toBe(valid);
  });

  describe('configured strict', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await emulator({ fiscalCodeCheck: 'strict' });
    });
    afterAll(() => emu.close());

    it('refuses Soisy\'s own sample code, whose check character is wrong', async () => {
      const answer = await post(orders(emu), { fiscalCode: SAMPLE_FISCAL_CODE });
      expect(answer.body).toEqual({ errors: { fiscalCode: ['Codice fiscale non valido'] } });
    });

    it('accepts a code with the right check character, also in a loan request', async () => {
      expect((await post(orders(emu), { fiscalCode: VALID_FISCAL_CODE })).status).toBe(200);
      const request = await post(`${emu.apiUrl}/shops/partnershop/requests`, {
        amount: 100000, installments: 12, privacy: 1, fiscalCode: VALID_FISCAL_CODE, jobDescription: 'retired',
      });
      expect(request.status).toBe(201);
    });
  });
});
