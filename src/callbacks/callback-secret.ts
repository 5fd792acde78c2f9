import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Compared against when no order matches, so a miss costs the same time as a wrong secret.
const DECOY = randomBytes(32).toString('hex');

/** Constant-time comparison of the secret in the URL with the order's (or a decoy's). */
export function callbackSecretMatches(presented: string, stored: string | undefined): boolean {
  const same = timingSafeEqual(digest(presented), digest(stored ?? DECOY));
  return same && stored !== undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
