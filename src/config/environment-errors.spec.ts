import { getMetadataStorage } from 'class-validator';
import { MERCHANT_EVENT_TYPES } from '../common/merchant-event-types.js';
import { Environment } from './environment.js';
import { loadConfig } from './load-config.js';

/** The start-up error for `env`, or undefined when it starts. */
function startError(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every numeric variable and its allowed range (no maximum: unbounded). */
const NUMERIC: Array<[string, number, number | undefined]> = [
  ['PORT', 0, 65535],
  ['SOISY_CONNECT_TIMEOUT_MS', 100, 15000],
  ['SOISY_TIMEOUT_MS', 100, 60000],
  ['SOISY_CALL_BUDGET_MS', 200, 75000],
  ['SOISY_KEEP_ALIVE_MS', 100, 600000],
  ['AMOUNT_MIN_CENTS', 1, undefined],
  ['AMOUNT_MAX_CENTS', 1, undefined],
  ['INSTALMENTS_MIN', 1, 120],
  ['INSTALMENTS_MAX', 1, 120],
  ['QUOTES_CACHE_TTL_SECONDS', 0, 86400],
  ['RATE_LIMIT_PER_MINUTE', 1, 100000],
  ['SCHEDULER_INTERVAL_SECONDS', 1, 3600],
  ['RELEASE_MAX_ATTEMPTS', 1, 100],
  ['RELEASE_RETRY_BASE_SECONDS', 1, 86400],
  ['RECONCILE_AFTER_MINUTES', 1, 525600],
  ['RECONCILE_BATCH_SIZE', 1, 1000],
  ['RECOVERY_INTERVAL_SECONDS', 1, 3600],
  ['PENDING_ABSENT_AFTER_SECONDS', 0, 86400],
  ['ORDER_LIST_RECONCILE_INTERVAL_MINUTES', 1, 10080],
  ['PERSONAL_DATA_RETENTION_DAYS', 1, 3650],
  ['RETENTION_INTERVAL_MINUTES', 1, 1440],
  ['RETENTION_BATCH_SIZE', 1, 1000],
  ['ORDER_EXPIRY_DAYS', 1, 3650],
  ['ORDER_EXPIRY_INTERVAL_MINUTES', 1, 1440],
  ['ORDER_EXPIRY_BATCH_SIZE', 1, 500],
  ['SHUTDOWN_GRACE_SECONDS', 1, 3600],
  ['HTTP_REQUEST_TIMEOUT_MS', 100, 600000],
  ['HTTP_HEADERS_TIMEOUT_MS', 100, 600000],
  ['HTTP_KEEP_ALIVE_TIMEOUT_MS', 100, 600000],
  ['MERCHANT_EVENTS_TIMEOUT_MS', 100, 60000],
  ['MERCHANT_EVENTS_RETRY_HOURS', 72, 720],
  ['MERCHANT_EVENTS_BATCH_SIZE', 1, 500],
  ['MERCHANT_EVENTS_INTERVAL_SECONDS', 1, 3600],
];

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const ENDPOINT = { MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com/hook', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: SECRET };
const TYPES = `${MERCHANT_EVENT_TYPES.join(', ')}, or * for all`;

/** Every other variable: a bad value and the exact line it stops the start with. */
const OTHER: Array<[string, Record<string, string>, string]> = [
  ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of: fatal, error, warn, info, debug, trace, silent'],
  ['DOCS_ENABLED', { DOCS_ENABLED: 'maybe' }, 'DOCS_ENABLED must be true or false (or 1/0, yes/no, on/off)'],
  ['SCHEDULER_ENABLED', { SCHEDULER_ENABLED: 'ture' }, 'SCHEDULER_ENABLED must be true or false (or 1/0, yes/no, on/off)'],
  ['SOISY_BASE_URL', { SOISY_BASE_URL: 'api.soisy.it' }, 'SOISY_BASE_URL must be an absolute http(s) URL'],
  ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'ftp://shop.example.it' }, 'PUBLIC_BASE_URL must be an absolute http(s) URL'],
  ['CORS_ORIGINS', { CORS_ORIGINS: 'https://a.example.it,shop' }, 'CORS_ORIGINS entry 2 is not one of http(s) origins'],
  ['CORS_ORIGINS', { CORS_ORIGINS: 'https://a.example.it,,https://b.example.it' }, 'CORS_ORIGINS entry 2 is empty (a comma-separated list of http(s) origins; remove the extra comma)'],
  ['ADMIN_API_KEYS', { ADMIN_API_KEYS: 'anna-secret-key-0123456789,,erp:erp-secret-key-0123456789' }, 'ADMIN_API_KEYS entry 2 is empty (a comma-separated list of keys; remove the extra comma)'],
  ['ADMIN_API_KEYS', { ADMIN_API_KEYS: 'anna-secret-key-0123456789,' }, 'ADMIN_API_KEYS entry 2 is empty (a comma-separated list of keys; remove the extra comma)'],
  ['ADMIN_API_KEYS', { ADMIN_API_KEYS: 'anna-secret-key-0123456789,short' }, 'ADMIN_API_KEYS entry 2 has a key shorter than 16 characters'],
  ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }, 'TRUST_PROXY must be true, false, or comma-separated proxy addresses/CIDRs'],
  ['SOISY_AUTH_TOKEN', { SOISY_BASE_URL: 'https://api.soisy.it/api' }, 'SOISY_AUTH_TOKEN is required when SOISY_BASE_URL is not Soisy\'s sandbox'],
  ['SOISY_CA_FILE', { SOISY_CA_FILE: '/nonexistent/ca.pem' }, 'SOISY_CA_FILE cannot be read'],
  ['MERCHANT_EVENTS_ENDPOINT_1_TYPES', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_TYPES: 'order.approved,order.bogus' }, `MERCHANT_EVENTS_ENDPOINT_1_TYPES entry 2 "order.bogus" is not an event type (allowed: ${TYPES})`],
  ['MERCHANT_EVENTS_ENDPOINT_1_TYPES', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_TYPES: 'order.approved,order.created,order.approved' }, 'MERCHANT_EVENTS_ENDPOINT_1_TYPES entry 3 "order.approved" repeats entry 1'],
  ['MERCHANT_EVENTS_ENDPOINT_1_TYPES', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_TYPES: 'order.approved,,order.created' }, 'MERCHANT_EVENTS_ENDPOINT_1_TYPES entry 2 is empty (a comma-separated list of event types; remove the extra comma)'],
  ['MERCHANT_EVENTS_ENDPOINT_1_SECRETS', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${SECRET},` }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS entry 2 is empty (a comma-separated list of whsec_… secrets; remove the extra comma)'],
  ['MERCHANT_EVENTS_ENDPOINT_1_SECRETS', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${SECRET} whsec_c2hvcnQ=` }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS entry 2 must be whsec_ followed by base64 of 24 to 64 random bytes'],
  ['MERCHANT_EVENTS_ENDPOINT_1_URL', { ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_URL: 'erp.example.com' }, 'MERCHANT_EVENTS_ENDPOINT_1_URL must be an http(s) URL'],
];

describe('start-up errors: one line per variable, naming the problem and what is allowed', () => {
  describe.each(NUMERIC)('%s (%d to %s)', (variable, min, max) => {
    const allowed = max === undefined ? `${min} or more` : `${min} to ${max}`;
    it.each([
      ['abc', `must be a whole number (digits only), ${allowed}`],
      ['1e3', `must be a whole number (digits only), ${allowed}`],
      ['1.5', `must be a whole number (digits only), ${allowed}`],
      ['0x10', `must be a whole number (digits only), ${allowed}`],
      [String(min - 1), `is below its minimum of ${min} (allowed: ${allowed})`],
      ...(max === undefined ? [] : [[String(max + 1), `is above its maximum of ${max} (allowed: ${allowed})`]]),
    ])('=%s → one line', (value, reason) => {
      expect(startError({ [variable]: value })).toBe(`Invalid configuration: ${variable} ${reason}`);
    });
  });

  it.each(OTHER)('%s: %j → one line', (_variable, env, line) => {
    expect(startError(env)).toBe(`Invalid configuration: ${line}`);
  });

  it('covers every variable the environment declares', () => {
    const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false).map((meta) => meta.propertyName));
    const tested = new Set([...NUMERIC.map(([name]) => name), ...OTHER.map(([name]) => name), 'DATABASE_URL', 'DATA_DIR', 'SOISY_SHOP_ID']);
    expect([...declared].filter((name) => !tested.has(name))).toEqual([]);
  });

  it('accepts plain decimal integers, with blanks meaning the default', () => {
    expect(loadConfig({ PERSONAL_DATA_RETENTION_DAYS: ' 30 ', ORDER_EXPIRY_DAYS: '', MERCHANT_EVENTS_BATCH_SIZE: '010' })).toMatchObject({
      retention: { days: 30 },
      orderExpiry: { days: 30 },
      merchantEvents: { batchSize: 10 },
    });
    expect(loadConfig({ DOCS_ENABLED: 'off', SCHEDULER_ENABLED: 'YES' })).toMatchObject({ docsEnabled: false, scheduler: { enabled: true } });
  });

  it('never prints a secret value, even one of the wrong form', () => {
    const lines = [
      startError({ ADMIN_API_KEYS: 'anna-secret-key-0123456789,,tiny-secret' }),
      startError({ ...ENDPOINT, MERCHANT_EVENTS_ENDPOINT_1_SECRETS: 'whsec_c2VjcmV0LXNlY3JldA==' }),
      startError({ DATABASE_URL: '', SOISY_BASE_URL: 'postgres://user:pa55word@db/x' }),
    ];
    for (const line of lines) {
      expect(line).toMatch(/^Invalid configuration: [A-Z_0-9]+ /);
      expect(line?.split('\n')).toHaveLength(1);
      for (const secret of ['anna-secret', 'tiny-secret', 'c2VjcmV0', 'pa55word']) expect(line).not.toContain(secret);
    }
  });
});
