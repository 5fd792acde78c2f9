import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, SOISY_SANDBOX_URL } from './app-config.js';
import { parseBackOfficeKeys } from './back-office-keys.js';
import { ConfigError } from './config-error.js';
import { Environment } from './environment.js';
import { loadMerchantEventsConfig } from './merchant-events-config.js';

export { ConfigError };

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = plainToInstance(Environment, { ...source }, { excludeExtraneousValues: false });
  const [failure] = validateSync(env, { whitelist: true, forbidUnknownValues: false });
  if (failure) {
    // One rule per variable (setting-rules.ts), so one message: the problem and what is allowed.
    throw new ConfigError(failure.property, Object.values(failure.constraints ?? {})[0] ?? 'is not valid');
  }

  const port = env.PORT ?? 3000;
  const baseUrl = (env.SOISY_BASE_URL ?? SOISY_SANDBOX_URL).replace(/\/+$/, '');
  const onSandbox = baseUrl === SOISY_SANDBOX_URL;
  if (!env.SOISY_AUTH_TOKEN && !onSandbox) {
    throw new ConfigError('SOISY_AUTH_TOKEN', 'is required when SOISY_BASE_URL is not Soisy\'s sandbox');
  }
  const connectTimeoutMs = env.SOISY_CONNECT_TIMEOUT_MS ?? 3_000;
  if (env.SOISY_CALL_BUDGET_MS !== undefined && env.SOISY_CALL_BUDGET_MS <= connectTimeoutMs) {
    throw new ConfigError('SOISY_CALL_BUDGET_MS', 'must exceed SOISY_CONNECT_TIMEOUT_MS');
  }
  const limits = {
    amountMinCents: env.AMOUNT_MIN_CENTS ?? 10_000,
    amountMaxCents: env.AMOUNT_MAX_CENTS ?? 1_500_000,
    instalmentsMin: env.INSTALMENTS_MIN ?? 3,
    instalmentsMax: env.INSTALMENTS_MAX ?? 60,
  };
  if (limits.amountMinCents > limits.amountMaxCents) {
    throw new ConfigError('AMOUNT_MIN_CENTS', 'must not exceed AMOUNT_MAX_CENTS');
  }
  if (limits.instalmentsMin > limits.instalmentsMax) {
    throw new ConfigError('INSTALMENTS_MIN', 'must not exceed INSTALMENTS_MAX');
  }
  const http = {
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS ?? 30_000,
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS ?? Math.min(10_000, env.HTTP_REQUEST_TIMEOUT_MS ?? 10_000),
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 5_000,
  };
  // Node refuses a headers timeout longer than the request timeout (the headers are part of the request).
  if (http.headersTimeoutMs > http.requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', 'must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  const backOfficeKeys = parseBackOfficeKeys(env.ADMIN_API_KEYS ?? []);

  return {
    port,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? './data',
    soisy: {
      baseUrl,
      shopId: env.SOISY_SHOP_ID ?? 'partnershop',
      authToken: env.SOISY_AUTH_TOKEN ?? 'partnerkey',
      connectTimeoutMs,
      timeoutMs: env.SOISY_TIMEOUT_MS ?? 10_000,
      callBudgetMs: env.SOISY_CALL_BUDGET_MS,
      keepAliveMs: env.SOISY_KEEP_ALIVE_MS,
      caCertificates: env.SOISY_CA_FILE ? readCertificates(env.SOISY_CA_FILE) : undefined,
    },
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    adminApiKeys: backOfficeKeys.map(({ key }) => key),
    backOfficeKeys,
    corsOrigins: env.CORS_ORIGINS ?? [],
    logLevel: env.LOG_LEVEL ?? 'info',
    docsEnabled: env.DOCS_ENABLED ?? true,
    limits,
    quotesCacheTtlSeconds: env.QUOTES_CACHE_TTL_SECONDS ?? 60,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 300,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    http,
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS ?? 25,
    scheduler: {
      enabled: env.SCHEDULER_ENABLED ?? true,
      intervalSeconds: env.SCHEDULER_INTERVAL_SECONDS ?? 15,
      releaseMaxAttempts: env.RELEASE_MAX_ATTEMPTS ?? 5,
      releaseRetryBaseSeconds: env.RELEASE_RETRY_BASE_SECONDS ?? 60,
      reconcileAfterMinutes: env.RECONCILE_AFTER_MINUTES ?? 60,
      reconcileBatchSize: env.RECONCILE_BATCH_SIZE ?? 20,
    },
    orderListReconciliation: { intervalMinutes: env.ORDER_LIST_RECONCILE_INTERVAL_MINUTES ?? 60 },
    retention: {
      days: env.PERSONAL_DATA_RETENTION_DAYS ?? 400,
      intervalMinutes: env.RETENTION_INTERVAL_MINUTES ?? 60,
      batchSize: env.RETENTION_BATCH_SIZE ?? 100,
    },
    orderExpiry: {
      days: env.ORDER_EXPIRY_DAYS ?? 30,
      intervalMinutes: env.ORDER_EXPIRY_INTERVAL_MINUTES ?? 60,
      batchSize: env.ORDER_EXPIRY_BATCH_SIZE ?? 20,
    },
    recovery: {
      intervalSeconds: env.RECOVERY_INTERVAL_SECONDS ?? 5,
      absentAfterSeconds: env.PENDING_ABSENT_AFTER_SECONDS ?? 60,
    },
    merchantEvents: loadMerchantEventsConfig(source),
  };
}

/** Node's trusted roots plus the PEM certificates of the file, e.g. a test Soisy's self-signed one. */
function readCertificates(file: string): string[] {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError('SOISY_CA_FILE', 'cannot be read');
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError('SOISY_CA_FILE', 'holds no PEM certificate');
  return [...rootCertificates, pem];
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((address) => address.trim()).filter(Boolean);
}
