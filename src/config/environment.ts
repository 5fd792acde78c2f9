import { isHttpUrl, IntegerSetting, ListSetting, OneOfSetting, BooleanSetting, TextSetting, UrlSetting } from './setting-rules.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The process environment as the service accepts it. Every variable is documented in the README;
 * a value that fails here stops the start with one line naming the variable, the problem and what
 * is allowed (never the value). Rules and messages: setting-rules.ts.
 */
export class Environment {
  @IntegerSetting(0, 65535)
  PORT?: number;

  @TextSetting(/./, 'text')
  DATABASE_URL?: string;

  @TextSetting(/./, 'text')
  DATA_DIR?: string;

  @UrlSetting()
  SOISY_BASE_URL?: string;

  @TextSetting(/./, 'text')
  SOISY_SHOP_ID?: string;

  @TextSetting(/./, 'text')
  SOISY_AUTH_TOKEN?: string;

  // Bounded so that one Soisy call, with its retries of unsent requests (3 connects + 1 read),
  // stays well inside a release claim's 5-minute lease (src/orders/release-claim.ts).
  @IntegerSetting(100, 15000)
  SOISY_CONNECT_TIMEOUT_MS?: number;

  @IntegerSetting(100, 60000)
  SOISY_TIMEOUT_MS?: number;

  // The whole of one gateway call, retries and backoff included; at most connect + read maxima,
  // so a release's Soisy call still fits its claim's lease.
  @IntegerSetting(200, 75000)
  SOISY_CALL_BUDGET_MS?: number;

  @IntegerSetting(100, 600000)
  SOISY_KEEP_ALIVE_MS?: number;

  @TextSetting(/./, 'text')
  SOISY_CA_FILE?: string;

  @UrlSetting()
  PUBLIC_BASE_URL?: string;

  // Entries are `name:key` or a bare key; their form is checked by parseBackOfficeKeys.
  @ListSetting('keys')
  ADMIN_API_KEYS?: string[];

  @ListSetting('http(s) origins', isHttpUrl)
  CORS_ORIGINS?: string[];

  @OneOfSetting(LOG_LEVELS)
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @BooleanSetting()
  DOCS_ENABLED?: boolean;

  @IntegerSetting(1)
  AMOUNT_MIN_CENTS?: number;

  @IntegerSetting(1)
  AMOUNT_MAX_CENTS?: number;

  @IntegerSetting(1, 120)
  INSTALMENTS_MIN?: number;

  @IntegerSetting(1, 120)
  INSTALMENTS_MAX?: number;

  @IntegerSetting(0, 86400)
  QUOTES_CACHE_TTL_SECONDS?: number;

  @IntegerSetting(1, 100000)
  RATE_LIMIT_PER_MINUTE?: number;

  @BooleanSetting()
  SCHEDULER_ENABLED?: boolean;

  @IntegerSetting(1, 3600)
  SCHEDULER_INTERVAL_SECONDS?: number;

  @IntegerSetting(1, 100)
  RELEASE_MAX_ATTEMPTS?: number;

  @IntegerSetting(1, 86400)
  RELEASE_RETRY_BASE_SECONDS?: number;

  @IntegerSetting(1, 525600)
  RECONCILE_AFTER_MINUTES?: number;

  @IntegerSetting(1, 1000)
  RECONCILE_BATCH_SIZE?: number;

  @IntegerSetting(1, 3600)
  RECOVERY_INTERVAL_SECONDS?: number;

  @IntegerSetting(0, 86400)
  PENDING_ABSENT_AFTER_SECONDS?: number;

  @IntegerSetting(1, 10080)
  ORDER_LIST_RECONCILE_INTERVAL_MINUTES?: number;

  @IntegerSetting(1, 3650)
  PERSONAL_DATA_RETENTION_DAYS?: number;

  @IntegerSetting(1, 1440)
  RETENTION_INTERVAL_MINUTES?: number;

  @IntegerSetting(1, 1000)
  RETENTION_BATCH_SIZE?: number;

  @IntegerSetting(1, 3650)
  ORDER_EXPIRY_DAYS?: number;

  @IntegerSetting(1, 1440)
  ORDER_EXPIRY_INTERVAL_MINUTES?: number;

  @IntegerSetting(1, 500)
  ORDER_EXPIRY_BATCH_SIZE?: number;

  // Below the 30 s most orchestrators wait between SIGTERM and SIGKILL, so the drain ends first.
  @IntegerSetting(1, 3600)
  SHUTDOWN_GRACE_SECONDS?: number;

  @IntegerSetting(100, 600000)
  HTTP_REQUEST_TIMEOUT_MS?: number;

  @IntegerSetting(100, 600000)
  HTTP_HEADERS_TIMEOUT_MS?: number;

  @IntegerSetting(100, 600000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS?: number;

  /** false, true, or comma-separated proxy addresses/CIDRs (Fastify's trustProxy). */
  @TextSetting(/^(true|false|[\d.:a-fA-F/,\s]+)$/, 'true, false, or comma-separated proxy addresses/CIDRs')
  TRUST_PROXY?: string;
}
