import { derivedKeyName, parseBackOfficeKeys } from './back-office-keys.js';
import { loadConfig } from './load-config.js';

const KEY = 'anna-secret-key-0123456789';

describe('named back-office keys (ADMIN_API_KEYS)', () => {
  it('reads name:key entries and bare keys side by side', () => {
    expect(parseBackOfficeKeys([`ops-anna:${KEY}`, 'bare-secret-key-0123456789'])).toEqual([
      { name: 'ops-anna', key: KEY },
      { name: derivedKeyName('bare-secret-key-0123456789'), key: 'bare-secret-key-0123456789' },
    ]);
  });

  it('names a bare key after its SHA-256, stably and without revealing it', () => {
    const name = derivedKeyName(KEY);
    expect(name).toMatch(/^key-[0-9a-f]{8}$/);
    expect(derivedKeyName(KEY)).toBe(name);
    expect(derivedKeyName(`${KEY}x`)).not.toBe(name);
  });

  it('splits at the first colon, so a named key may itself contain colons', () => {
    expect(parseBackOfficeKeys(['erp:abc:def:0123456789abcdef'])).toEqual([{ name: 'erp', key: 'abc:def:0123456789abcdef' }]);
  });

  it('reaches the configuration with the keys alone still listed for the guard', () => {
    const config = loadConfig({ ADMIN_API_KEYS: `ops-anna:${KEY}, erp.nightly:erp-secret-key-0123456789` });
    expect(config.backOfficeKeys.map(({ name }) => name)).toEqual(['ops-anna', 'erp.nightly']);
    expect(config.adminApiKeys).toEqual([KEY, 'erp-secret-key-0123456789']);
  });

  it.each([
    ['an empty key', ['ops-anna:'], /^Invalid configuration: ADMIN_API_KEYS entry 1 \(ops-anna\) has an empty key$/],
    ['a short key', ['ops-anna:short'], /^Invalid configuration: ADMIN_API_KEYS entry 1 \(ops-anna\) has a key shorter than 16 characters$/],
    ['a short bare key', [KEY, 'tiny'], /^Invalid configuration: ADMIN_API_KEYS entry 2 has a key shorter than 16 characters$/],
    ['a name with spaces', [`ops anna:${KEY}`], /^Invalid configuration: ADMIN_API_KEYS entry 1 has a name that is not 1-64 letters/],
    ['a name with a slash', [`ops/anna:${KEY}`], /ADMIN_API_KEYS entry 1 has a name/],
    ['an empty name', [`:${KEY}`], /ADMIN_API_KEYS entry 1 has a name/],
    ['a repeated name', [`ops-anna:${KEY}`, 'ops-anna:other-secret-0123456789'], /^Invalid configuration: ADMIN_API_KEYS entry 2 repeats the name ops-anna$/],
    ['a repeated key', [`ops-anna:${KEY}`, `ops-bea:${KEY}`], /^Invalid configuration: ADMIN_API_KEYS entry 2 repeats a key given earlier$/],
    ['a repeated bare key', [KEY, KEY], /ADMIN_API_KEYS entry 2 repeats the name key-/],
  ])('refuses %s at start with one line naming the entry, never the key', (_case, entries, message) => {
    let error: Error | undefined;
    try {
      loadConfig({ ADMIN_API_KEYS: entries.join(',') });
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(KEY);
    expect(error?.message.split('\n')).toHaveLength(1);
  });
});
