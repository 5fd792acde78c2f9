import { createHash } from 'node:crypto';
import { ConfigError } from './config-error.js';

/** One back-office key and the name its holder is known by in events and reports (never the key). */
export interface BackOfficeKey {
  /** Who acts with this key, e.g. `ops-anna`: 1–64 of letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
  readonly name: string;
  /** Secret: never logged, stored or answered. */
  readonly key: string;
}

export const KEY_MIN_LENGTH = 16;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * ADMIN_API_KEYS entries → named keys. An entry is `<name>:<key>` (split at the first colon) or a
 * bare key, whose name is derived: `key-` and the first 8 hex digits of the key's SHA-256, stable
 * across restarts and useless for guessing the key. A bare key containing a colon must be given a
 * name. Refused at start, naming the entry by position (and its name, which is not secret), never
 * its key: an empty or short key, a bad name, two entries with the same name or the same key.
 */
export function parseBackOfficeKeys(entries: readonly string[]): BackOfficeKey[] {
  const keys = entries.map(parseEntry);
  const names = new Set<string>();
  const secrets = new Set<string>();
  keys.forEach(({ name, key }, index) => {
    if (names.has(name)) throw entryError(index, `repeats the name ${name}`);
    if (secrets.has(key)) throw entryError(index, 'repeats a key given earlier');
    names.add(name);
    secrets.add(key);
  });
  return keys;
}

/** The name a key without one is known by. */
export function derivedKeyName(key: string): string {
  return `key-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8)}`;
}

function parseEntry(entry: string, index: number): BackOfficeKey {
  const colon = entry.indexOf(':');
  if (colon === -1) return { name: derivedKeyName(checkedKey(entry, index)), key: checkedKey(entry, index) };
  const name = entry.slice(0, colon).trim();
  if (!NAME.test(name)) {
    throw entryError(index, 'has a name that is not 1-64 letters, digits, ".", "_" or "-" (a key containing ":" needs a name: name:key)');
  }
  return { name, key: checkedKey(entry.slice(colon + 1).trim(), index, name) };
}

function checkedKey(key: string, index: number, name?: string): string {
  const which = name ? ` (${name})` : '';
  if (key === '') throw entryError(index, `${which} has an empty key`.trim());
  if (key.length < KEY_MIN_LENGTH) throw entryError(index, `${which} has a key shorter than ${KEY_MIN_LENGTH} characters`.trim());
  if (/\s/.test(key)) throw entryError(index, `${which} has a key containing white space`.trim());
  return key;
}

function entryError(index: number, reason: string): ConfigError {
  return new ConfigError('ADMIN_API_KEYS', `entry ${index + 1} ${reason}`);
}
