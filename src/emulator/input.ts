/**
 * Soisy's API reads a field from a JSON, form-urlencoded or multipart body, or from the query
 * string of a POST; clients send "" for absent optional fields and booleans as true/false/1/0.
 * This module turns any of those into one flat record of present values.
 */
export type Fields = Record<string, unknown>;

/** Documented spellings that differ between Soisy's pages, mapped to the one the emulator reads. */
const ALIASES: Record<string, string> = {
  installments: 'instalments',
  streetNumber: 'civicNumber',
};

export function collectFields(query: unknown, body: unknown, aliases: Record<string, string> = {}): Fields {
  const names = { ...ALIASES, ...aliases };
  const fields: Fields = {};
  for (const source of [query, body]) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [key, raw] of Object.entries(source as Fields)) {
      const last: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
      const value = typeof last === 'string' ? last.trim() : last;
      if (value === undefined || value === null || value === '') continue;
      fields[names[key] ?? key] = value;
    }
  }
  return fields;
}

export const INVALID = Symbol('invalid');
export type Parsed<T> = T | undefined | typeof INVALID;

export function asInteger(value: unknown): Parsed<number> {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : INVALID;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return INVALID;
}

export function asBoolean(value: unknown): Parsed<boolean> {
  if (value === undefined) return undefined;
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value !== 'string') return INVALID;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return INVALID;
}

export function asString(value: unknown): Parsed<string> {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return INVALID;
}
