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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FISCAL_CODE = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/i;
const ALREADY_MASKED_TOKEN = new RegExp(`^[A-Za-z0-9_-]{1,${TOKEN_PREFIX_LENGTH}}…$`);
/** Anything URL-safe and short enough to be a route word or an order token. */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Query parameters whose values are logged, each with the only shape logged as is: numbers and
 * enum words the API documents, which cannot hold a name, a code, an address or a capability.
 * Every other value is masked, and so is the value of an allow-listed name in any other shape
 * (`?amount=RSSMRA…`). `cursor` is left out: it is opaque, so a reader cannot tell what a caller
 * put in it, and it is not needed to follow a request.
 */
const LOGGED_QUERY_VALUES: Readonly<Record<string, RegExp>> = {
  amount: /^\d{1,8}$/,
  instalments: /^\d{1,3}$/,
  limit: /^\d{1,4}$/,
  status: /^[a-z][a-z_.]{0,39}$/,
  type: /^[a-z][a-z_.]{0,39}$/,
  delivered: /^(true|false)$/,
  zeroInterestRate: /^(true|false)$/,
  from: /^\d{4}-\d{2}-\d{2}([T ][0-9:.]{1,15}(Z|[+-]\d{2}:?\d{2})?)?$/,
  to: /^\d{4}-\d{2}-\d{2}([T ][0-9:.]{1,15}(Z|[+-]\d{2}:?\d{2})?)?$/,
};

/**
 * Query parameter names the API or its callers use: logged (their values masked unless allowed
 * above). Any other name is masked too, since a caller may put anything in a name (`?RSSMRA…`).
 */
const KNOWN_QUERY_NAMES = new Set([...Object.keys(LOGGED_QUERY_VALUES), 'cursor', 'orderToken', 'token', 'secret', 'key', 'apiKey', 'fiscalCode', 'email', 'phone', 'mobilePhone', 'name', 'firstname', 'lastname']);

/**
 * A URL as it may be logged. Path: the callback secret is masked; an order token is logged only by
 * its first characters (a capability for the storefront routes, soisy.types.ts), or masked whole when
 * it is no token; any other segment
 * that looks like personal data or a credential (an `@`, seven or more digits that are not a UUID,
 * a codice fiscale, anything outside URL-safe characters) is masked. Query: names are kept when
 * known, values only when allow-listed by name and shape (LOGGED_QUERY_VALUES); the fragment is
 * dropped. So `?orderToken=bc9d…&amount=1000` logs as `?orderToken=[redacted]&amount=1000`.
 */
export function redactUrl(url: string): string {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const query = cut !== -1 && url[cut] === '?' ? url.slice(cut + 1).split('#')[0] : undefined;
  const logged = redactPath(path);
  return query === undefined ? logged : `${logged}?${redactQuery(query)}`;
}

function redactPath(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, index) => {
      if (segment === '') return segment;
      const before = segments.slice(0, index).join('/');
      if (before === '/v1/soisy/callbacks') return REDACTED;
      if (before === '/v1/orders') return maskedToken(segment);
      return looksPersonal(segment) ? REDACTED : segment;
    })
    .join('/');
}

/** An order token's first characters; the whole segment masked when it is no token (a codice fiscale, a phone, an email). */
function maskedToken(segment: string): string {
  if (ALREADY_MASKED_TOKEN.test(segment)) return segment; // redactUrl's own output: redacting twice changes nothing
  if (!TOKEN_LIKE.test(segment) || FISCAL_CODE.test(segment) || /^\d+$/.test(segment)) return REDACTED;
  return segment.length > TOKEN_PREFIX_LENGTH ? `${segment.slice(0, TOKEN_PREFIX_LENGTH)}…` : segment;
}

function looksPersonal(raw: string): boolean {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return true;
  }
  if (!/^[A-Za-z0-9._~-]*$/.test(segment)) return true;
  if (FISCAL_CODE.test(segment)) return true;
  return (segment.match(/\d/g)?.length ?? 0) >= 7 && !UUID.test(segment);
}

function redactQuery(query: string): string {
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(query)) {
    const known = KNOWN_QUERY_NAMES.has(name);
    const shown = known && LOGGED_QUERY_VALUES[name]?.test(value) ? value : REDACTED;
    parts.push(`${known ? name : REDACTED}=${shown}`);
  }
  return parts.join('&');
}
