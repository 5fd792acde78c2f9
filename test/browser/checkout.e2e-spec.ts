import type { Browser, Page } from 'playwright-core';
import type { OrderViewDto } from '../../src/orders/order-view.dto.js';
import { jsonOf } from '../support/json.js';
import { injectFault } from '../checkout/support/checkout.js';
import { launchBrowser, newPage, screenshot, scriptWarnings } from './support/browser.js';
import type { PageGlobals } from './support/page-globals.js';
import { fillCheckout, goToCheckout, startShop, type Shop } from './support/shop.js';

/** The order the return page shows, read from the service as the page reads it. */
async function orderOnReturnPage(shop: Shop, page: Page): Promise<OrderViewDto> {
  const reference = new URL(page.url()).searchParams.get('ref')!;
  const token = await page.evaluate((ref) => localStorage.getItem(`demo-shop:order:${ref}`), reference);
  return jsonOf<OrderViewDto>(fetch(`${shop.stack.url}/v1/orders/${token}`));
}

/** On Soisy's page (the emulator's funnel), the shopper signs; the funnel sends them back to the shop. */
async function signOnSoisysPage(shop: Shop, page: Page): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${shop.stack.emulator.url}/funnel/`));
  await page.locator('#funnel-status').filter({ hasNotText: '…' }).waitFor();
  await page.locator('#funnel-complete').click();
  await page.waitForURL((url) => url.href.startsWith(`${shop.storefront.url}/return.html`));
}

describe('the demo checkout in a browser, against the service and the Soisy emulator', () => {
  let shop: Shop;
  let browser: Browser;
  beforeAll(async () => {
    [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it("takes an approved loan through Soisy's page back to the shop, whose return page follows the order to completed", async () => {
    const { page, console, pageErrors } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url);
    await fillCheckout(page);
    await page.locator('#submit').click();
    await signOnSoisysPage(shop, page);

    // Soisy's RequestCompleted callback reaches the service in the background; the page polls until it shows.
    await page.locator('#order-status[data-status="completed"]').waitFor();
    await page.locator('#order-events tr').filter({ hasText: 'completed' }).waitFor();
    expect(await page.locator('#order-status-text').innerText()).toMatch(/signed the loan/);
    expect(await page.locator('#order-plan').innerText()).toMatch(/^10 instalments of €/);
    const order = await orderOnReturnPage(shop, page);
    expect(order.status).toBe('completed');
    expect(order.events.map((event) => event.type)).toEqual(expect.arrayContaining(['loan_request.created', 'approval.approved']));
    await screenshot(page, 'checkout-approved-completed');
    expect(pageErrors).toEqual([]);
    expect(scriptWarnings(console)).toEqual([]);
  }, 180_000);

  it("takes the redirect-only path (the shopper applies on Soisy's page) to completed too", async () => {
    const { page } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url);
    await fillCheckout(page);
    await page.locator('input[name="payment"][value="soisy-redirect"]').check();
    await page.locator('#submit').click();
    await signOnSoisysPage(shop, page);
    await page.locator('#order-status[data-status="completed"]').waitFor();
    expect((await orderOnReturnPage(shop, page)).status).toBe('completed');
    await screenshot(page, 'checkout-redirect-only-completed');
  }, 180_000);

  it('offers another payment method when Soisy refuses the loan (8 lamps, 10,392 €, above the sandbox limit)', async () => {
    const { page, console } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url, 8);
    await fillCheckout(page);
    await page.locator('#submit').click();
    // Above 5,000 € Soisy asks for more about the shopper before deciding: the form asks for it.
    await page.locator('#additional-data').waitFor({ state: 'visible' });
    expect(await page.locator('#checkout-info').innerText()).toMatch(/more details/);
    await page.locator('#residence').selectOption('rent');
    await page.locator('#residenceStartDate').fill('03/2019');
    await page.locator('#educationalQualification').selectOption('diploma');
    await page.locator('#children').selectOption('0');
    await page.locator('#salaryType').selectOption('net-monthly');
    await page.locator('#salary').fill('1800');
    await page.locator('#submit').click();

    await page.locator('#refusal').waitFor({ state: 'visible' });
    expect(await page.locator('#refusal').innerText()).toMatch(/could not approve/);
    expect(page.url()).toMatch(/checkout\.html$/);
    await screenshot(page, 'checkout-refused');
    await page.locator('#other-method').click();
    expect(await page.locator('#pay-card').isChecked()).toBe(true);
    expect(await page.locator('#refusal').isVisible()).toBe(false);
    expect(scriptWarnings(console)).toEqual([]);
  }, 180_000);

  it('shows the service\'s field error next to the codice fiscale input, and goes on once it is corrected', async () => {
    const { page } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url);
    await fillCheckout(page);
    const valid = await page.locator('#fiscalCode').inputValue();
    // Same shape, wrong check character: only the service can tell.
    const wrong = valid.slice(0, 15) + (valid[15] === 'A' ? 'B' : 'A');
    await page.locator('#fiscalCode').fill(wrong);
    await page.locator('#submit').click();

    await page.locator('#fiscalCode-error').filter({ hasText: /\w/ }).waitFor();
    expect(await page.locator('#fiscalCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    expect(await page.locator('#checkout-error').isVisible()).toBe(false);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe('fiscalCode');
    await screenshot(page, 'checkout-field-error');

    await page.locator('#fiscalCode').fill(valid);
    await page.locator('#submit').click();
    await page.waitForURL((url) => url.href.startsWith(`${shop.stack.emulator.url}/funnel/`));
  }, 180_000);

  it('offers a retry, not a stack trace, when Soisy fails the loan request, and the retry goes on to Soisy\'s page', async () => {
    const ordersAtSoisy = async () =>
      (await shop.stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path === '/shops/partnershop/orders').length;
    const before = await ordersAtSoisy();
    await injectFault(shop.stack, { method: 'POST', path: '/shops/partnershop/requests', times: 1, fault: { type: 'status', status: 500 } });
    const { page } = await newPage(browser);
    await goToCheckout(page, shop.storefront.url);
    await fillCheckout(page);
    await page.locator('#submit').click();

    await page.locator('#retry').waitFor({ state: 'visible' });
    const message = await page.locator('#checkout-error').innerText();
    expect(message).toMatch(/Soisy is not answering right now \(502\)/);
    expect(message).not.toMatch(/Error|at .*\.js|SOISY\./);
    await screenshot(page, 'checkout-upstream-failure');

    await page.locator('#retry').click();
    await page.waitForURL((url) => url.href.startsWith(`${shop.stack.emulator.url}/funnel/`));
    // The retry resumed at the loan request: one order at Soisy for this checkout, not two.
    expect(await ordersAtSoisy()).toBe(before + 1);
  }, 180_000);
});
