/**
 * Runs the funnel page's own script against the running emulator with a minimal stand-in for the
 * browser (location, document, fetch), since no browser is available to these tests.
 */
import { runInNewContext } from 'node:vm';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createOrder, emulator } from './support.js';

interface FakeElement {
  textContent: string;
  value: string;
  disabled: boolean;
  listeners: Record<string, () => void>;
  addEventListener(event: string, listener: () => void): void;
}

function element(): FakeElement {
  return { textContent: '', value: '', disabled: false, listeners: {}, addEventListener(event, listener) { this.listeners[event] = listener; } };
}

async function openPage(emu: RunningEmulator, pageUrl: string) {
  const html = await (await fetch(pageUrl)).text();
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const url = new URL(pageUrl);
  const elements: Record<string, FakeElement> = {};
  const location = { hash: url.hash, search: url.search, pathname: url.pathname, href: pageUrl };
  const sandbox = {
    location, URLSearchParams,
    document: { getElementById: (id: string) => (elements[id] ??= element()) },
    fetch: (path: string, init?: RequestInit) => fetch(new URL(path, emu.url), init),
  };
  runInNewContext(script, sandbox);
  const settle = async () => {
    for (let i = 0; i < 50 && location.href === pageUrl; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { elements, location, settle };
}

describe('Emulator: the funnel page\'s script', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());

  it('reads the token from the hash of Soisy\'s redirectUrl, shows the order and completes it on the complete button', async () => {
    const token = await createOrder(emu, { amount: 70000, successUrl: 'https://shop.test/ok', errorUrl: 'https://shop.test/ko' });
    const page = await openPage(emu, `${emu.url}/funnel/partnershop#/loan-request?token=${token}`);
    expect(page.elements['funnel-token'].textContent).toBe(token);
    expect(page.elements['funnel-status'].textContent).toBe('quote');
    expect(page.elements['funnel-amount'].value).toBe(70000);
    page.elements['funnel-complete'].listeners.click();
    await page.settle();
    expect(page.location.href).toBe('https://shop.test/ok');
    expect(emu.context.state.orders.get(token)?.status).toBe('waiting_for_verification');
  });

  it('reads the token from the query string of the hash-less variant and abandons on the abandon button', async () => {
    const token = await createOrder(emu, { errorUrl: 'https://shop.test/ko' });
    const page = await openPage(emu, `${emu.url}/funnel/partnershop/loan-request?token=${token}`);
    page.elements['funnel-abandon'].listeners.click();
    await page.settle();
    expect(page.location.href).toBe('https://shop.test/ko');
  });

  it('shows an error for an unknown order', async () => {
    const page = await openPage(emu, `${emu.url}/funnel/partnershop#/loan-request?token=unknown`);
    expect(page.elements['funnel-error'].textContent).toBe('Ordine non trovato');
  });
});
