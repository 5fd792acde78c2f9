import type { BackOfficeKey } from './back-office-keys.js';
import type { LOG_LEVELS } from './environment.js';
import type { MerchantEventsConfig } from './merchant-events-config.js';

/** Soisy's public sandbox: the only base URL for which the public sandbox credentials are a default. */
export const SOISY_SANDBOX_URL = 'https://api.sandbox.soisy.it/api';

/** Typed, validated configuration: built once at start by `loadConfig`, injected as `AppConfig`. */
export abstract class AppConfig {
  abstract readonly port: number;
  /** Unset: the service runs on its embedded PostgreSQL (PGlite) under `dataDir`. */
  abstract readonly databaseUrl: string | undefined;
  abstract readonly dataDir: string;
  abstract readonly soisy: SoisyConfig;
  /** How Soisy reaches this service; callback URLs are built from it. */
  abstract readonly publicBaseUrl: string;
  /** The keys of `backOfficeKeys`, without their names. */
  abstract readonly adminApiKeys: readonly string[];
  /** ADMIN_API_KEYS with the name each key acts under (src/config/back-office-keys.ts). */
  abstract readonly backOfficeKeys: readonly BackOfficeKey[];
  abstract readonly corsOrigins: readonly string[];
  abstract readonly logLevel: (typeof LOG_LEVELS)[number];
  abstract readonly docsEnabled: boolean;
  abstract readonly limits: OrderLimits;
  abstract readonly quotesCacheTtlSeconds: number;
  /** Requests per minute per client on the storefront routes. */
  abstract readonly rateLimitPerMinute: number;
  abstract readonly scheduler: SchedulerConfig;
  abstract readonly recovery: RecoveryConfig;
  /**
   * Which proxies may set X-Forwarded-For (client address for rate limits and logs). Trusting any
   * would let a client pick its own address and escape its rate limit.
   */
  abstract readonly trustProxy: boolean | string[];
  abstract readonly http: HttpServerConfig;
  /**
   * On SIGTERM/SIGINT, how long in-flight requests and scheduled work may take to finish before
   * their connections are cut and the process stops (src/common/lifecycle).
   */
  abstract readonly shutdownGraceSeconds: number;
  /** Where merchant events are sent, signed with what, and how hard delivery tries (src/merchant-events). */
  abstract readonly merchantEvents: MerchantEventsConfig;
  abstract readonly orderListReconciliation: OrderListReconciliationConfig;
  abstract readonly retention: RetentionConfig;
  abstract readonly orderExpiry: OrderExpiryConfig;
}

/** Expiry of abandoned orders (src/reconciliation/order-expiry); runs when the scheduler does. */
export interface OrderExpiryConfig {
  /** Days an order may stay in `created`/`requested` (since it entered that status) before Soisy is asked whether it is abandoned. */
  readonly days: number;
  readonly intervalMinutes: number;
  /** Orders claimed (and confirmed with Soisy one after another) per batch; a run repeats batches until none is due. */
  readonly batchSize: number;
}

/** Comparing Soisy's order list with ours (src/reconciliation/order-list-report); runs when the scheduler does. */
export interface OrderListReconciliationConfig {
  /** A report is made when the latest one is older than this, by one replica at a time. */
  readonly intervalMinutes: number;
}

/** Personal data retention, the GDPR storage-limitation control (src/retention); runs when the scheduler does. */
export interface RetentionConfig {
  /** Days after an order's final state (or its release) before its personal data is erased. */
  readonly days: number;
  readonly intervalMinutes: number;
  /** Orders erased per transaction; a run repeats batches until none is due. */
  readonly batchSize: number;
}

/** Timeouts of the HTTP server itself (Node's), against slow or idle clients. */
export interface HttpServerConfig {
  /** The whole request (headers and body) must arrive within this; else 408 and the socket closed. */
  readonly requestTimeoutMs: number;
  /** The request's headers must arrive within this (at most requestTimeoutMs). */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
}

export interface SchedulerConfig {
  /** Off: no scheduled releases or reconciliation run in this instance (another replica may run them). */
  readonly enabled: boolean;
  readonly intervalSeconds: number;
  /** After this many failed match-trigger attempts a scheduled release is marked failed. */
  readonly releaseMaxAttempts: number;
  /** First retry delay; doubles with each failure (with jitter). */
  readonly releaseRetryBaseSeconds: number;
  /** Orders in a non-final status untouched for this long are re-synced from Soisy. */
  readonly reconcileAfterMinutes: number;
  readonly reconcileBatchSize: number;
}

/** Recovery after a crash or a lost answer: pending orders and unconfirmed callbacks (runs when the scheduler does). */
export interface RecoveryConfig {
  /** How often this instance looks for lost creations and callbacks nobody is confirming. */
  readonly intervalSeconds: number;
  /**
   * How long after a create-order attempt ended (or could no longer be running) Soisy is given
   * before an order list without its reference is taken as "Soisy never created it".
   */
  readonly absentAfterSeconds: number;
}

export interface SoisyConfig {
  readonly baseUrl: string;
  readonly shopId: string;
  /** Secret: never logged, never echoed. */
  readonly authToken: string;
  /** Per attempt: until the connection (and TLS handshake) is made. */
  readonly connectTimeoutMs: number;
  /** Per attempt: from sending the request to the end of the answer. */
  readonly timeoutMs: number;
  /**
   * The whole of one gateway call, retries and backoff included (ms). Unset: connect + read
   * timeout (see soisyCallBudgetMs in src/soisy/soisy-deadline.ts).
   */
  readonly callBudgetMs?: number;
  /** How long an idle connection to Soisy is kept (ms); unset: 4000. Soisy's Keep-Alive hint may lower it. */
  readonly keepAliveMs?: number;
  /** Trusted certificates for Soisy's TLS (SOISY_CA_FILE plus Node's roots); unset: Node's store. */
  readonly caCertificates?: readonly string[];
}

export interface OrderLimits {
  readonly amountMinCents: number;
  readonly amountMaxCents: number;
  readonly instalmentsMin: number;
  readonly instalmentsMax: number;
}
