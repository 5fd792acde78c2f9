import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it when missing). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags ENVIRONMENT.md lists for this machine and CI: no GPU, no sandbox (root in a container), no background traffic. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Screenshots of each test's end state, for a human to look at (git-ignored). */
export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts', 'browser');

/**
 * A ceiling, not a sleep: every wait is for something visible, and ends as soon as it shows. Generous,
 * because the machines that run these share two cores with builds (a first /docs load took 20 s there).
 */
export const UI_TIMEOUT_MS = 45_000;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** A fresh page (own cookies and storage), with what the page logs collected for assertions. */
export async function newPage(browser: Browser): Promise<{ page: Page; console: ConsoleMessage[]; pageErrors: Error[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(2 * UI_TIMEOUT_MS);
  const page = await context.newPage();
  const console: ConsoleMessage[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (message) => console.push(message));
  page.on('pageerror', (error) => pageErrors.push(error));
  return { page, console, pageErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What a page's own scripts said at warning level or worse. The browser's own line for a response it
 * received with an error status ("Failed to load resource: … 502") is left out: no script can
 * silence it, and a shopper never sees the console.
 */
export function scriptWarnings(messages: ConsoleMessage[]): string[] {
  return messages
    .filter((message) => message.type() === 'error' || message.type() === 'warning')
    .map((message) => message.text())
    .filter((text) => !text.startsWith('Failed to load resource: the server responded with a status of'));
}
