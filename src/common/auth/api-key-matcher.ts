import { createHash, timingSafeEqual } from 'node:crypto';
import type { BackOfficeKey } from '../../config/back-office-keys.js';

/**
 * Compares a presented API key with the configured ones in constant time. Both sides are hashed
 * first so that keys of different lengths compare in the same time too (timingSafeEqual needs equal
 * lengths), and every configured key is compared, so the time says nothing about which one matched.
 */
export class ApiKeyMatcher {
  private readonly known: ReadonlyArray<{ name: string; digest: Buffer }>;

  /** Bare keys (strings) are known by their index; named keys by their name. */
  constructor(keys: ReadonlyArray<string | BackOfficeKey>) {
    this.known = keys.map((entry, index) =>
      typeof entry === 'string' ? { name: String(index), digest: digest(entry) } : { name: entry.name, digest: digest(entry.key) },
    );
  }

  matches(presented: string): boolean {
    return this.nameOf(presented) !== undefined;
  }

  /** The name of the key presented, or undefined when it is none of them. */
  nameOf(presented: string): string | undefined {
    const candidate = digest(presented);
    let matched: string | undefined;
    for (const { name, digest: known } of this.known) {
      if (timingSafeEqual(candidate, known) && matched === undefined) matched = name;
    }
    return matched;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
