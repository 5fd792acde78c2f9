import { randomBytes } from 'node:crypto';
import { MERCHANT_EVENT_TYPES } from '../common/merchant-event-types.js';
import { ConfigError, loadConfig } from './load-config.js';

const secret = (bytes = 32) => `whsec_${randomBytes(bytes).toString('base64')}`;

describe('merchant events configuration', () => {
  it('records events and sends them nowhere by default', () => {
    expect(loadConfig({}).merchantEvents).toEqual({ endpoints: [], timeoutMs: 10_000, retryHours: 72, batchSize: 50, intervalSeconds: 2 });
  });

  it('reads numbered endpoints with one or two secrets and the types each wants (all by default)', () => {
    const [a, b, c] = [secret(), secret(), secret(24)];
    const { endpoints } = loadConfig({
      MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com/soisy',
      MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${a} ${b}`,
      MERCHANT_EVENTS_ENDPOINT_2_URL: 'http://10.0.0.5:8080/hook',
      MERCHANT_EVENTS_ENDPOINT_2_SECRETS: c,
      MERCHANT_EVENTS_ENDPOINT_2_TYPES: 'order.approved, order.release.succeeded',
    }).merchantEvents;
    expect(endpoints).toEqual([
      { url: 'https://erp.example.com/soisy', secrets: [a, b], types: expect.arrayContaining(['order.created', 'order.amount_mismatch']) },
      { url: 'http://10.0.0.5:8080/hook', secrets: [c], types: ['order.approved', 'order.release.succeeded'] },
    ]);
    expect(endpoints[0].types).toEqual([...MERCHANT_EVENT_TYPES]);
  });

  it.each([
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'ftp://erp.example.com' , MERCHANT_EVENTS_ENDPOINT_1_SECRETS: secret() }, 'MERCHANT_EVENTS_ENDPOINT_1_URL'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com' }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${secret()} ${secret()} ${secret()}` }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: 'whsec_c2hvcnQ=' }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: 'plain-password-that-is-long-enough' }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: secret(), MERCHANT_EVENTS_ENDPOINT_1_TYPES: 'order.shipped' }, 'MERCHANT_EVENTS_ENDPOINT_1_TYPES'],
    [{ MERCHANT_EVENTS_ENDPOINT_2_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_2_SECRETS: secret() }, 'MERCHANT_EVENTS_ENDPOINT_2_URL'],
    [{ MERCHANT_EVENTS_ENDPOINT_1_SECRETS: secret() }, 'MERCHANT_EVENTS_ENDPOINT_1_SECRETS'],
    [{ MERCHANT_EVENTS_TIMEOUT_MS: '50' }, 'MERCHANT_EVENTS_TIMEOUT_MS'],
    [{ MERCHANT_EVENTS_RETRY_HOURS: '24' }, 'MERCHANT_EVENTS_RETRY_HOURS'],
    [{ MERCHANT_EVENTS_BATCH_SIZE: 'many' }, 'MERCHANT_EVENTS_BATCH_SIZE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('never repeats a secret in its error', () => {
    const leaked = 'whsec_c2hvcnQtYnV0LXNlY3JldA==';
    let message = '';
    try {
      loadConfig({ MERCHANT_EVENTS_ENDPOINT_1_URL: 'https://erp.example.com', MERCHANT_EVENTS_ENDPOINT_1_SECRETS: leaked });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/MERCHANT_EVENTS_ENDPOINT_1_SECRETS/);
    expect(message).not.toContain('c2hvcnQtYnV0LXNlY3JldA');
  });
});
