import { ValidationFailed } from '../common/errors/app-error.js';
import { parseIsoInstant } from '../common/validation/iso-instant.js';

/** Keyset position: the (createdAt, id) of the last order of a page; opaque to callers. */
export interface OrderCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.createdAt.toISOString(), i: cursor.id })).toString('base64url');
}

/** A cursor this service did not write is a 400 naming the field, never a 500. */
export function decodeCursor(raw: string): OrderCursor {
  try {
    const { t, i } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    // Only what encodeCursor writes: a date PostgreSQL can compare, not any string Date can parse.
    const createdAt = parseIsoInstant(t);
    if (createdAt && typeof i === 'string' && UUID.test(i)) {
      return { createdAt, id: i };
    }
  } catch {
    // falls through to the field error
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor must be a value returned as nextCursor' }]);
}
