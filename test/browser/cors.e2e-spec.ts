import type { Browser } from 'playwright-core';
import { startStorefront, type RunningStorefront } from '../../src/demo/storefront-server.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import type { PageGlobals } from './support/page-globals.js';
import { fillCheckout, goToCheckout, startShop, type Shop } from './support/shop.js';

/**
 * The same shop served from two origins: one in the service's CORS_ORIGINS, one not. The browser,
 * not the service, enforces CORS, so only a browser can show that the allow-list does its job.
 */
describe('CORS_ORIGINS seen from a browser', () => {
  let shop: Shop;
  let elsewhere: RunningStorefront;
  let browser: Browser;
  const ordersAtSoisy = async () =>
    (await shop.stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path === '/shops/partnershop/orders').length;

  beforeAll(async () => {
    [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
    elsewhere = await startStorefront({ apiUrl: shop.stack.url, port: 0 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await elsewhere?.close();
    await shop?.close();
  });

  it('loads the widget and shows a quote on the allowed origin', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${shop.storefront.url}/`);
    await page.locator('soisy-quote .headline').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).customElements.get('soisy-quote') !== undefined)).toBe(true);
    await screenshot(page, 'cors-allowed-origin-widget');
  }, 180_000);

  it('refuses to run the widget on an origin that is not allowed: no element, no quote', async () => {
    const { page, console } = await newPage(browser);
    const widgetAnswers: number[] = [];
    page.on('response', (response) => { if (response.url().endsWith('/widget/soisy-quote.js')) widgetAnswers.push(response.status()); });
    await page.goto(`${elsewhere.url}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).customElements.get('soisy-quote'))).toBeUndefined();
    expect(await page.locator('soisy-quote').evaluate((element) => element.shadowRoot)).toBeNull();
    // The service answered; the browser threw the answer away for want of Access-Control-Allow-Origin.
    expect(console.map((message) => message.text()).join('\n')).toMatch(/blocked by CORS policy/);
    await screenshot(page, 'cors-other-origin-widget');
  }, 180_000);

  it("refuses the checkout's calls from an origin that is not allowed, with a retry message and nothing created", async () => {
    const before = await ordersAtSoisy();
    const { page } = await newPage(browser);
    await goToCheckout(page, elsewhere.url);
    await fillCheckout(page);
    await page.locator('#submit').click();
    await page.locator('#retry').waitFor({ state: 'visible' });
    expect(await page.locator('#checkout-error').innerText()).toMatch(/could not be reached/);
    await screenshot(page, 'cors-other-origin-checkout');
    expect(await ordersAtSoisy()).toBe(before);
  }, 180_000);

  it('lets the same checkout through from the allowed origin', async () => {
    const before = await ordersAtSoisy();
    const { page } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url);
    await fillCheckout(page);
    await page.locator('#submit').click();
    await page.waitForURL((url) => url.href.startsWith(`${shop.stack.emulator.url}/funnel/`));
    expect(await ordersAtSoisy()).toBe(before + 1);
  }, 180_000);
});
