import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so `{a, b}` and `{b, a}` are the same request.
 * Array order is kept (it means something); `undefined` members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}

export interface FingerprintedRequest {
  method: string;
  /** The concrete path (`/v1/orders/abc/release`), so one key cannot be reused on another resource. */
  route: string;
  body: unknown;
}

/** SHA-256 of method, route and the canonical body: what "the same request" means for a replay. */
export function requestFingerprint(request: FingerprintedRequest): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.route}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}
