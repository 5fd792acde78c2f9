import { ConfigError } from './config-error.js';
import { integerProblem } from './setting-rules.js';
import { isMerchantEventType, MERCHANT_EVENT_TYPES, type MerchantEventType } from '../common/merchant-event-types.js';

/** One merchant endpoint: where events are POSTed, signed with its secrets. */
export interface MerchantEndpoint {
  readonly url: string;
  /**
   * Standard Webhooks secrets (`whsec_` + base64 of 24–64 bytes), one or two: with two, every
   * delivery carries both signatures, so the merchant can rotate without downtime. Never logged.
   */
  readonly secrets: readonly string[];
  /** The event types this endpoint receives; all of them when unset. */
  readonly types: readonly MerchantEventType[];
}

export interface MerchantEventsConfig {
  /** Empty: events are still recorded (and listed), nothing is sent. */
  readonly endpoints: readonly MerchantEndpoint[];
  /** One POST's whole duration: connect, send, answer (ms). */
  readonly timeoutMs: number;
  /** A delivery is retried at least this long after it was created, then marked failed (hours). */
  readonly retryHours: number;
  /** Deliveries claimed per batch. */
  readonly batchSize: number;
  /** How often an instance looks for due deliveries (seconds). */
  readonly intervalSeconds: number;
}

/** Endpoints are numbered from 1 without gaps: MERCHANT_EVENTS_ENDPOINT_1_URL, _2_URL, … */
export const MAX_MERCHANT_ENDPOINTS = 9;

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/**
 * The merchant-events variables of the environment, validated: a bad value stops the start with a
 * ConfigError naming the variable, never its value (secrets included).
 */
export function loadMerchantEventsConfig(env: NodeJS.ProcessEnv): MerchantEventsConfig {
  const endpoints: MerchantEndpoint[] = [];
  for (let n = 1; n <= MAX_MERCHANT_ENDPOINTS; n += 1) {
    const prefix = `MERCHANT_EVENTS_ENDPOINT_${n}`;
    const url = blank(env[`${prefix}_URL`]);
    if (url === undefined) {
      const stray = ['SECRETS', 'TYPES'].find((suffix) => blank(env[`${prefix}_${suffix}`]) !== undefined);
      if (stray) throw new ConfigError(`${prefix}_${stray}`, `is set without ${prefix}_URL`);
      continue;
    }
    if (n > 1 && endpoints.length !== n - 1) throw new ConfigError(`${prefix}_URL`, `is set but MERCHANT_EVENTS_ENDPOINT_${n - 1}_URL is not (number endpoints from 1)`);
    endpoints.push({ url: parseUrl(`${prefix}_URL`, url), secrets: parseSecrets(`${prefix}_SECRETS`, env[`${prefix}_SECRETS`]), types: parseTypes(`${prefix}_TYPES`, env[`${prefix}_TYPES`]) });
  }
  const urls = endpoints.map((endpoint) => endpoint.url);
  const repeated = urls.findIndex((url, index) => urls.indexOf(url) !== index);
  if (repeated >= 0) throw new ConfigError(`MERCHANT_EVENTS_ENDPOINT_${repeated + 1}_URL`, 'repeats another endpoint\'s URL');
  return {
    endpoints,
    timeoutMs: integer(env, 'MERCHANT_EVENTS_TIMEOUT_MS', 10_000, 100, 60_000),
    retryHours: integer(env, 'MERCHANT_EVENTS_RETRY_HOURS', 72, 72, 720),
    batchSize: integer(env, 'MERCHANT_EVENTS_BATCH_SIZE', 50, 1, 500),
    intervalSeconds: integer(env, 'MERCHANT_EVENTS_INTERVAL_SECONDS', 2, 1, 3600),
  };
}

function blank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, 'must be an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(variable, 'must be an http(s) URL');
  return url.toString();
}

function parseSecrets(variable: string, value: string | undefined): string[] {
  const secrets = entries(variable, value, /\s*,\s*|\s+/, 'whsec_… secrets');
  if (secrets.length === 0) throw new ConfigError(variable, 'is required for its endpoint (one or two whsec_… secrets)');
  if (secrets.length > 2) throw new ConfigError(variable, 'holds more than two secrets');
  secrets.forEach((secret, index) => {
    const match = SECRET.exec(secret);
    const bytes = match ? Buffer.from(match[1], 'base64').length : 0;
    if (bytes < 24 || bytes > 64) throw new ConfigError(variable, `entry ${index + 1} must be whsec_ followed by base64 of 24 to 64 random bytes`);
  });
  return secrets;
}

function parseTypes(variable: string, value: string | undefined): MerchantEventType[] {
  const names = entries(variable, value, /\s*,\s*/, 'event types');
  if (names.length === 0 || (names.length === 1 && names[0] === '*')) return [...MERCHANT_EVENT_TYPES];
  const unknown = names.findIndex((name) => !isMerchantEventType(name));
  // Event type names are not secret: the unknown one is named, with the ones that exist.
  if (unknown >= 0) throw new ConfigError(variable, `entry ${unknown + 1} "${names[unknown]}" is not an event type (allowed: ${MERCHANT_EVENT_TYPES.join(', ')}, or * for all)`);
  // A repeat is a typo of another type more often than a wish to receive one twice: refuse it.
  const repeated = names.findIndex((name, index) => names.indexOf(name) !== index);
  if (repeated >= 0) throw new ConfigError(variable, `entry ${repeated + 1} "${names[repeated]}" repeats entry ${names.indexOf(names[repeated]) + 1}`);
  return names as MerchantEventType[];
}

/**
 * The entries of a list variable split at `separator`; unset or blank: none. An empty entry (`a,,b`,
 * a trailing comma) is refused by position rather than dropped, so a mistyped list loses nothing.
 */
function entries(variable: string, value: string | undefined, separator: RegExp, what: string): string[] {
  const trimmed = value?.trim();
  if (!trimmed) return [];
  const items = trimmed.split(separator);
  const empty = items.findIndex((item) => item === '');
  if (empty >= 0) throw new ConfigError(variable, `entry ${empty + 1} is empty (a comma-separated list of ${what}; remove the extra comma)`);
  return items;
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
  const raw = blank(env[variable]);
  if (raw === undefined) return fallback;
  const problem = integerProblem(raw, min, max);
  if (problem) throw new ConfigError(variable, problem);
  return Number(raw);
}
