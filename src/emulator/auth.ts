/** Soisy authenticates a call by the shop in its path and the shop's key in `X-Auth-Token`. */
import { timingSafeEqual } from 'node:crypto';
import type { ShopConfig } from './config.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authenticate(shops: ShopConfig[], shopId: string, header: unknown): ShopConfig | undefined {
  const shop = shops.find((candidate) => candidate.id === shopId);
  if (!shop || typeof header !== 'string') return undefined;
  return sameSecret(header, shop.token) ? shop : undefined;
}
