import { formatEventDate } from '../../src/emulator/callbacks.js';
import { optionsFromEnv } from '../../src/emulator/env.js';
import { startEmulator } from '../../src/emulator/index.js';
import { jsonOf } from '../support/json.js';
import { createOrder, get, orders } from './support.js';

describe('Emulator: starting, stopping and configuration', () => {
  it('starts on a free port, reports url and apiUrl, and frees the port on close', async () => {
    const emu = await startEmulator({ port: 0 });
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
    expect(emu.apiUrl).toBe(`${emu.url}/api`);
    expect((await get(`${emu.apiUrl}/shops/partnershop`, {})).status).toBe(200);
    await emu.close();
    await expect(fetch(emu.url)).rejects.toThrow();
  });

  it('hands out URLs on 127.0.0.1 when listening on every interface', async () => {
    const emu = await startEmulator({ port: 0, host: '0.0.0.0' });
    try {
      expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
    } finally {
      await emu.close();
    }
  });

  it('builds redirect URLs on the configured public URL, as behind a container port mapping', async () => {
    const emu = await startEmulator({ port: 0, publicUrl: 'http://soisy-emulator:4010/' });
    try {
      const response = await fetch(`http://127.0.0.1:${emu.port}/api/shops/partnershop/orders`, {
        method: 'POST', headers: { 'X-Auth-Token': 'partnerkey' },
      });
      // Create order answers `{token, redirectUrl}` (src/emulator/routes/create-order.ts).
      expect((await jsonOf<{ token: string; redirectUrl: string }>(response)).redirectUrl).toMatch(/^http:\/\/soisy-emulator:4010\/funnel\/partnershop#\/loan-request\?token=/);
      expect(emu.apiUrl).toBe('http://soisy-emulator:4010/api');
    } finally {
      await emu.close();
    }
  });

  it('keeps separate state in two emulators running side by side', async () => {
    const [first, second] = await Promise.all([startEmulator({ port: 0 }), startEmulator({ port: 0 })]);
    try {
      const token = await createOrder(first);
      expect((await get(`${orders(second)}/${token}`)).status).toBe(404);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('reads its options from the environment, with 0.0.0.0 and port 4010 by default', () => {
    expect(optionsFromEnv({})).toMatchObject({ port: 4010, host: '0.0.0.0', shops: undefined, profile: undefined, limits: {} });
    expect(optionsFromEnv({
      EMULATOR_PORT: '5000', EMULATOR_HOST: '127.0.0.1', EMULATOR_PROFILE: 'legacy', EMULATOR_SHOPS: 'a:ka,b:kb',
      EMULATOR_MAX_INSTALMENTS: '24', EMULATOR_FISCAL_CODE_CHECK: 'strict', EMULATOR_APPROVAL_LIMIT: '300000',
      EMULATOR_ADDITIONAL_DATA_THRESHOLD: '200000', EMULATOR_PUBLIC_URL: 'http://emu:5000',
    })).toMatchObject({
      port: 5000, host: '127.0.0.1', profile: 'legacy', limits: { maxInstalments: 24 }, fiscalCodeCheck: 'strict',
      approvalLimit: 300000, additionalDataThreshold: 200000, publicUrl: 'http://emu:5000',
      shops: [expect.objectContaining({ id: 'a', token: 'ka', active: true }), expect.objectContaining({ id: 'b', token: 'kb' })],
    });
  });

  it('reads shops as JSON from the environment', () => {
    const options = optionsFromEnv({ EMULATOR_SHOPS: '[{"id":"z","token":"kz","zeroInterestRate":true,"maxLoanInstalmentsNumber":12}]' });
    expect(options.shops).toEqual([{ id: 'z', token: 'kz', active: true, zeroInterestRate: true, maxLoanInstalmentsNumber: 12 }]);
  });

  it('refuses malformed environment values at start', () => {
    expect(() => optionsFromEnv({ EMULATOR_PORT: 'abc' })).toThrow(/EMULATOR_PORT/);
    expect(() => optionsFromEnv({ EMULATOR_PROFILE: 'ancient' })).toThrow(/EMULATOR_PROFILE/);
    expect(() => optionsFromEnv({ EMULATOR_SHOPS: 'nokey' })).toThrow(/EMULATOR_SHOPS/);
  });

  it('formats callback dates as YYYY-MM-DD HH:mm:ss in Italian time', () => {
    expect(formatEventDate(new Date('2024-07-01T10:05:09Z'), 'Europe/Rome')).toBe('2024-07-01 12:05:09');
    expect(formatEventDate(new Date('2024-01-15T23:30:00Z'), 'Europe/Rome')).toBe('2024-01-16 00:30:00');
  });
});
