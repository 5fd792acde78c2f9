import type { Page } from 'playwright-core';
import { startStorefront, type RunningStorefront } from '../../../src/demo/storefront-server.js';
import { freePort, startStack, type Stack } from '../../support/stack.js';

export interface Shop {
  stack: Stack;
  /** The demo storefront on an origin the service allows (CORS_ORIGINS). */
  storefront: RunningStorefront;
  close(): Promise<void>;
}

/**
 * The demo storefront on its own origin, the service (real PostgreSQL) allowing that origin by
 * CORS, and the Soisy emulator behind it over HTTP: what a merchant runs, in one call.
 */
export async function startShop(env: Record<string, string> = {}): Promise<Shop> {
  const shopPort = await freePort();
  const stack = await startStack({ CORS_ORIGINS: `http://127.0.0.1:${shopPort}`, ...env });
  const storefront = await startStorefront({ apiUrl: stack.url, port: shopPort });
  return {
    stack,
    storefront,
    close: async () => {
      await storefront.close();
      await stack.close();
    },
  };
}

/** Product page → cart with `quantity` lamps → checkout. */
export async function goToCheckout(page: Page, shopUrl: string, quantity = 1): Promise<void> {
  await page.goto(`${shopUrl}/`);
  await page.locator('#quantity').fill(String(quantity));
  await page.locator('#add-to-cart').click();
  await page.waitForURL(/cart\.html$/);
  await page.locator('#to-checkout').click();
  await page.waitForURL(/checkout\.html$/);
}

/** The checkout form as a shopper fills it: the sample shopper, privacy accepted, overrides typed over. */
export async function fillCheckout(page: Page, overrides: Record<string, string> = {}): Promise<void> {
  await page.locator('#fill-sample').click();
  for (const [name, value] of Object.entries(overrides)) await page.locator(`[name="${name}"]`).fill(value);
}
