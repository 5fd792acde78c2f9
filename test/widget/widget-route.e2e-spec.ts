import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SHOP = 'https://shop.example.com';

describe('GET /widget/soisy-quote.js: the quote widget as storefronts load it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: SHOP, AMOUNT_MIN_CENTS: '20000', AMOUNT_MAX_CENTS: '900000' });
  });
  afterAll(() => t.close());

  it('serves the custom element as a JavaScript module that caches for a day and revalidates by ETag', async () => {
    const res = await request(t.server).get('/widget/soisy-quote.js').expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=86400, stale-while-revalidate=604800');
    expect(res.text).toContain("customElements.define('soisy-quote'");
    const again = await request(t.server).get('/widget/soisy-quote.js').set('if-none-match', res.headers.etag).expect(304);
    expect(again.text ?? '').toBe('');
  });

  it('lets an allowed storefront origin load it cross-origin, and gives any other origin no CORS grant', async () => {
    const allowed = await request(t.server).get('/widget/soisy-quote.js').set('origin', SHOP).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
    expect(allowed.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const other = await request(t.server).get('/widget/soisy-quote.js').set('origin', 'https://evil.example.com').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("serves the configured order limits as the module the widget imports, so it asks for no quote it cannot get", async () => {
    const res = await request(t.server).get('/widget/soisy-quote-limits.js').set('origin', SHOP).expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.text).toBe('export default {"amount":{"min":20000,"max":900000},"instalments":{"min":3,"max":60}};\n');
  });
});
