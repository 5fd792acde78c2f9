import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented API key with the configured ones in constant time. Both sides are hashed
 * first so that keys of different lengths compare in the same time too (timingSafeEqual needs equal
 * lengths), and every configured key is compared, so the time says nothing about which one matched.
 */
export class ApiKeyMatcher {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  matches(presented: string): boolean {
    const candidate = digest(presented);
    let matched = false;
    for (const known of this.digests) {
      matched = timingSafeEqual(candidate, known) || matched;
    }
    return matched;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
