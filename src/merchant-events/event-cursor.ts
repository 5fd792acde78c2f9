import { ValidationFailed } from '../common/errors/app-error.js';

/** Keyset position: the sequence of the last event of a page, opaque to callers (base64url JSON, as the order list's). */
export function encodeEventCursor(sequence: bigint): string {
  return Buffer.from(JSON.stringify({ s: sequence.toString() })).toString('base64url');
}

/** A cursor this service did not write is a 400 naming the field, never a 500. */
export function decodeEventCursor(raw: string): bigint {
  try {
    const { s } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof s === 'string' && /^[1-9]\d{0,18}$/.test(s)) return BigInt(s);
  } catch {
    // falls through to the field error
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor must be a value returned as nextCursor' }]);
}
