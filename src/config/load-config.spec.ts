import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('starts on Soisy\'s sandbox with its public credentials and the embedded database by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.soisy).toMatchObject({
      baseUrl: 'https://api.sandbox.soisy.it/api',
      shopId: 'partnershop',
      authToken: 'partnerkey',
    });
    expect(config.limits).toEqual({ amountMinCents: 10_000, amountMaxCents: 1_500_000, instalmentsMin: 3, instalmentsMax: 60 });
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('looks for lost creations and unconfirmed callbacks every few seconds, and checks their settings', () => {
    expect(loadConfig({}).recovery).toEqual({ intervalSeconds: 5, absentAfterSeconds: 60 });
    expect(loadConfig({ RECOVERY_INTERVAL_SECONDS: '1', PENDING_ABSENT_AFTER_SECONDS: '0' }).recovery).toEqual({ intervalSeconds: 1, absentAfterSeconds: 0 });
    expect(() => loadConfig({ RECOVERY_INTERVAL_SECONDS: '0' })).toThrow(/RECOVERY_INTERVAL_SECONDS is below its minimum/);
    expect(() => loadConfig({ PENDING_ABSENT_AFTER_SECONDS: 'soon' })).toThrow(/PENDING_ABSENT_AFTER_SECONDS/);
  });

  it('reconciles with Soisy\'s order list hourly and erases personal data 400 days after the final state by default', () => {
    const config = loadConfig({});
    expect(config.orderListReconciliation).toEqual({ intervalMinutes: 60 });
    expect(config.retention).toEqual({ days: 400, intervalMinutes: 60, batchSize: 100 });
    expect(loadConfig({ PERSONAL_DATA_RETENTION_DAYS: '30', RETENTION_BATCH_SIZE: '10' }).retention).toMatchObject({ days: 30, batchSize: 10 });
    expect(() => loadConfig({ PERSONAL_DATA_RETENTION_DAYS: '0' })).toThrow(/^Invalid configuration: PERSONAL_DATA_RETENTION_DAYS is below its minimum/);
    expect(() => loadConfig({ ORDER_LIST_RECONCILE_INTERVAL_MINUTES: 'hourly' })).toThrow(/ORDER_LIST_RECONCILE_INTERVAL_MINUTES/);
  });

  it('reads lists and numbers from their text form', () => {
    const config = loadConfig({
      PORT: '8080',
      ADMIN_API_KEYS: 'key-one-0123456789, key-two-0123456789',
      CORS_ORIGINS: 'https://shop.example.it,https://www.shop.example.it',
      DOCS_ENABLED: 'false',
    });
    expect(config.port).toBe(8080);
    expect(config.adminApiKeys).toEqual(['key-one-0123456789', 'key-two-0123456789']);
    expect(config.corsOrigins).toEqual(['https://shop.example.it', 'https://www.shop.example.it']);
    expect(config.docsEnabled).toBe(false);
  });

  it('requires a Soisy token when the base URL is not the sandbox, naming the variable', () => {
    expect(() => loadConfig({ SOISY_BASE_URL: 'https://api.soisy.it/api' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOISY_BASE_URL: 'https://api.soisy.it/api' })).toThrow(/SOISY_AUTH_TOKEN/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['SOISY_BASE_URL', 'not a url'],
    ['PUBLIC_BASE_URL', 'ftp://example.it'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_API_KEYS', 'short'],
    ['SOISY_TIMEOUT_MS', '5'],
    ['SHUTDOWN_GRACE_SECONDS', '0'],
    ['HTTP_REQUEST_TIMEOUT_MS', 'soon'],
    ['HTTP_HEADERS_TIMEOUT_MS', '10'],
    ['HTTP_KEEP_ALIVE_TIMEOUT_MS', '-1'],
  ])('refuses %s=%s with a message naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('never repeats a secret value in its error message', () => {
    const secret = 'super-secret-admin-key';
    let message = '';
    try {
      loadConfig({ ADMIN_API_KEYS: `${secret},tiny` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/ADMIN_API_KEYS/);
    expect(message).not.toContain(secret);
    expect(message).not.toContain('tiny');
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('drains for 25 s on SIGTERM and times slow clients out by default, below an orchestrator\'s 30 s', () => {
    const config = loadConfig({});
    expect(config.shutdownGraceSeconds).toBe(25);
    expect(config.http).toEqual({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000 });
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '2000' }).http.headersTimeoutMs).toBe(2_000);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '8000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('refuses limits whose minimum exceeds their maximum', () => {
    expect(() => loadConfig({ AMOUNT_MIN_CENTS: '500', AMOUNT_MAX_CENTS: '100' })).toThrow(/AMOUNT_MIN_CENTS/);
  });

  it('takes a Soisy call budget that leaves room for a connection, and none by default', () => {
    expect(loadConfig({}).soisy.callBudgetMs).toBeUndefined();
    expect(loadConfig({ SOISY_CALL_BUDGET_MS: '5000' }).soisy.callBudgetMs).toBe(5000);
    expect(() => loadConfig({ SOISY_CONNECT_TIMEOUT_MS: '3000', SOISY_CALL_BUDGET_MS: '3000' })).toThrow(/SOISY_CALL_BUDGET_MS/);
  });
});
