import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;
const blankAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The process environment as the service accepts it. Every variable is documented in the README;
 * a value that fails here stops the start with one line naming the variable (never its value).
 */
export class Environment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Transform(blankAsUnset) @IsString()
  DATABASE_URL?: string;

  @IsOptional() @Transform(blankAsUnset) @IsString() @MinLength(1)
  DATA_DIR?: string;

  @IsOptional() @Transform(blankAsUnset) @IsUrl(url)
  SOISY_BASE_URL?: string;

  @IsOptional() @Transform(blankAsUnset) @IsString() @MinLength(1)
  SOISY_SHOP_ID?: string;

  @IsOptional() @Transform(blankAsUnset) @IsString() @MinLength(1)
  SOISY_AUTH_TOKEN?: string;

  // Bounded so that one Soisy call, with its retries of unsent requests (3 connects + 1 read),
  // stays well inside a release claim's 5-minute lease (src/orders/release-claim.ts).
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(15000)
  SOISY_CONNECT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  SOISY_TIMEOUT_MS?: number;

  // The whole of one gateway call, retries and backoff included; at most connect + read maxima,
  // so a release's Soisy call still fits its claim's lease.
  @IsOptional() @Transform(toInt) @IsInt() @Min(200) @Max(75000)
  SOISY_CALL_BUDGET_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000)
  SOISY_KEEP_ALIVE_MS?: number;

  @IsOptional() @Transform(blankAsUnset) @IsString() @MinLength(1)
  SOISY_CA_FILE?: string;

  @IsOptional() @Transform(blankAsUnset) @IsUrl(url)
  PUBLIC_BASE_URL?: string;

  // Entries are `name:key` or a bare key; their form is checked by parseBackOfficeKeys.
  @IsOptional() @Transform(toList) @IsString({ each: true })
  ADMIN_API_KEYS?: string[];

  @IsOptional() @Transform(toList) @IsUrl(url, { each: true })
  CORS_ORIGINS?: string[];

  @IsOptional() @Transform(blankAsUnset) @IsIn(LOG_LEVELS)
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional() @Transform(toBool) @IsBoolean()
  DOCS_ENABLED?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  AMOUNT_MIN_CENTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  AMOUNT_MAX_CENTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(120)
  INSTALMENTS_MIN?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(120)
  INSTALMENTS_MAX?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  QUOTES_CACHE_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SCHEDULER_ENABLED?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  SCHEDULER_INTERVAL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  RELEASE_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  RELEASE_RETRY_BASE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(525600)
  RECONCILE_AFTER_MINUTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  RECONCILE_BATCH_SIZE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  RECOVERY_INTERVAL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  PENDING_ABSENT_AFTER_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10080)
  ORDER_LIST_RECONCILE_INTERVAL_MINUTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  PERSONAL_DATA_RETENTION_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  RETENTION_INTERVAL_MINUTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  RETENTION_BATCH_SIZE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  ORDER_EXPIRY_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  ORDER_EXPIRY_INTERVAL_MINUTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  ORDER_EXPIRY_BATCH_SIZE?: number;

  // Below the 30 s most orchestrators wait between SIGTERM and SIGKILL, so the drain ends first.
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  SHUTDOWN_GRACE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000)
  HTTP_REQUEST_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000)
  HTTP_HEADERS_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS?: number;

  /** false, true, or comma-separated proxy addresses/CIDRs (Fastify's trustProxy). */
  @IsOptional() @Transform(blankAsUnset) @IsString() @Matches(/^(true|false|[\d.:a-fA-F/,\s]+)$/)
  TRUST_PROXY?: string;
}
