import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import { launchBrowser, newPage, screenshot, UI_TIMEOUT_MS } from './support/browser.js';

/** The OpenAPI explorer's "Try it out", under the service's own Content-Security-Policy (helmet). */
describe('/docs "Try it out" in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('creates an order with the example body and shows the 201 answer with its token', async () => {
    const { page, pageErrors } = await newPage(browser);
    await page.goto(`${stack.url}/docs`);
    const operation = page.locator('.opblock-post').filter({ has: page.locator('[data-path="/v1/orders"]') });
    await operation.locator('.opblock-summary').first().click();
    // tryItOutEnabled: the editor is already open; older explorers need the button.
    const tryItOut = operation.locator('button.try-out__btn');
    if ((await tryItOut.count()) > 0 && (await tryItOut.innerText()).includes('Try it out')) await tryItOut.click();
    await operation.locator('button.execute').click();

    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: UI_TIMEOUT_MS });
    expect((await status.innerText()).trim()).toBe('201');
    expect(await operation.locator('.live-responses-table .response .response-col_description').first().innerText()).toMatch(/"token"/);
    await screenshot(page, 'docs-try-it-out-create-order');
    expect(pageErrors).toEqual([]);
    const calls = await stack.soisyCalls();
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/shops/partnershop/orders')).toHaveLength(1);
  }, 180_000);
});
