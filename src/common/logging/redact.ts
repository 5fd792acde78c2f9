/**
 * Keys whose values are secrets or personal data, masked wherever they appear in a log line. pino's
 * own `redact` needs every path spelled out (one level per `*`), which cannot promise "at any
 * depth", so log objects are walked here instead.
 */
const SENSITIVE_KEYS = new Set(
  [
    'authorization',
    'x-auth-token',
    'authToken',
    'cookie',
    'fiscalCode',
    'email',
    'mobilePhone',
    'phone',
    'address',
    'civicNumber',
    'streetNumber',
    'city',
    'province',
    'postalCode',
    'firstname',
    'lastname',
    'vatId',
    'callbackSecret',
    'callbackUrl',
    'idempotency-key',
  ].map((key) => key.toLowerCase()),
);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

export function redactDeep(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEYS.has(key.toLowerCase()) ? REDACTED : redactDeep(item, depth + 1);
  }
  return copy;
}

/** Enough of an order token to tell orders apart in a log, too little to use it. */
const TOKEN_PREFIX_LENGTH = 6;

/**
 * Callback URLs carry a per-order secret: never logged. Order URLs carry the order token, a
 * capability for the storefront routes (soisy.types.ts): logged only as its first characters.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/v1\/soisy\/callbacks\/)[^/?#]+/, `$1${REDACTED}`)
    .replace(/(\/v1\/orders\/)([^/?#]+)/, (_match, prefix: string, token: string) =>
      token.length > TOKEN_PREFIX_LENGTH ? `${prefix}${token.slice(0, TOKEN_PREFIX_LENGTH)}…` : `${prefix}${token}`,
    );
}
