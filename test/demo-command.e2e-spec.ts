import { once } from 'node:events';
import type { QuotesDto } from '../src/quotes/dto/quotes.dto.js';
import { jsonOf } from './support/json.js';
import { run, type ServiceProcess } from './support/process.js';

/** `npm run demo` (after the build `npm test` runs first): the whole shop offline, stopped by Ctrl-C. */
describe('npm run demo', () => {
  let demo: ServiceProcess;
  afterAll(async () => {
    if (demo && demo.child.exitCode === null && demo.child.signalCode === null) await demo.stop();
  });

  it('starts the emulator, the service on its embedded database and the storefront, prints the shop URL, and stops on SIGINT', async () => {
    demo = run(process.execPath, ['dist/demo/main.js'], {});
    const deadline = Date.now() + 100_000;
    let shopUrl: string | undefined;
    while (!shopUrl && Date.now() < deadline && demo.child.exitCode === null) {
      shopUrl = /Demo storefront:\s+(\S+)/.exec(demo.output())?.[1];
      if (!shopUrl) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(shopUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const apiUrl = /soisy-bff:\s+(\S+)/.exec(demo.output())![1];

    const page = await (await fetch(shopUrl!)).text();
    expect(page).toContain(`<script type="module" src="${apiUrl}/widget/soisy-quote.js">`);
    const origin = new URL(shopUrl!).origin;
    // The built service serves the widget (nest-cli.json copies the plain .js file into dist/).
    const widget = await fetch(`${apiUrl}/widget/soisy-quote.js`, { headers: { origin } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe(origin);
    const quotes = await fetch(`${apiUrl}/v1/quotes?amount=129900&instalments=10`, { headers: { origin } });
    expect(quotes.status).toBe(200);
    expect(quotes.headers.get('access-control-allow-origin')).toBe(origin);
    expect((await jsonOf<QuotesDto>(quotes)).min.instalmentAmount).toBeGreaterThan(0);

    demo.child.kill('SIGINT');
    const [code] = await once(demo.child, 'exit');
    expect(code).toBe(0);
    expect(demo.output()).toContain('SIGINT: stopping');
  }, 150_000);
});
