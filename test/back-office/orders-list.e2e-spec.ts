import request from 'supertest';
import { ReconciliationJob } from '../../src/reconciliation/reconciliation.job.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { backOffice, FakeClock, orderOf, startBackOfficeStack } from './support/back-office.js';
import { approvedOrder, createdOrder } from './support/checkout.js';

describe('the back office', () => {
  let stack: Stack;
  let clock: FakeClock;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack());
  });
  afterAll(() => stack.close());

  describe('without a valid API key', () => {
    const routes: Array<[string, string]> = [['get', '/v1/orders'], ['post', '/v1/orders/any-token/release'], ['post', '/v1/orders/any-token/sync']];

    it.each(routes)('answers %s %s with 401 problem+json', async (method, path) => {
      const call = (headers: Record<string, string>) => (method === 'get' ? request(stack.url).get(path) : request(stack.url).post(path).send({})).set(headers);
      const headerSets: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-key-wrong-key-wrong' }, { authorization: 'Basic dGVzdDp0ZXN0' }, { authorization: 'Bearer' }];
      for (const headers of headerSets) {
        const res = await call(headers);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHORIZED' });
      }
    });

    it('leaves the storefront routes open', async () => {
      const token = await createdOrder(stack);
      await request(stack.url).get(`/v1/orders/${token}`).expect(200);
    });

    it('documents the guarded routes with the back-office bearer scheme', async () => {
      const doc = (await request(stack.url).get('/docs-json').expect(200)).body;
      expect(doc.paths['/v1/orders'].get.security).toEqual([{ 'back-office': [] }]);
      expect(doc.paths['/v1/orders/{token}/release'].post.security).toEqual([{ 'back-office': [] }]);
      expect(doc.paths['/v1/orders/{token}/sync'].post.tags).toContain('back-office');
      expect(doc.paths['/v1/soisy/callbacks/{secret}'].post.security).toBeUndefined();
      const schemaOf = (path: string, method: string, status: string) => doc.paths[path][method].responses[status].content['application/json'].schema.$ref;
      expect(schemaOf('/v1/orders', 'get', '200')).toMatch(/OrderPageDto$/);
      expect(schemaOf('/v1/orders/{token}/sync', 'post', '200')).toMatch(/SyncedOrderDto$/);
      expect(schemaOf('/v1/orders/{token}/release', 'post', '202')).toMatch(/BackOfficeOrderDto$/);
      expect(doc.paths['/v1/orders'].get.responses['401'].content).toHaveProperty(['application/problem+json']);
      expect(doc.components.schemas.ReleaseView.properties.status.enum).toContain('unknown');
    });
  });

  describe('order list', () => {
    let tokens: string[];
    beforeAll(async () => {
      await query(stack.db.url, 'DELETE FROM orders');
      tokens = [];
      for (let i = 0; i < 5; i++) tokens.push(await createdOrder(stack, 100000 + i));
    });

    it('pages through every order newest first, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await backOffice(stack).get(`/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((item: { token: string }) => item.token));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...tokens].reverse());
    });

    it('filters by status and creation time', async () => {
      const approved = await approvedOrder(stack);
      const byStatus = await backOffice(stack).get('/v1/orders?status=approved').expect(200);
      expect(byStatus.body.items.map((item: { token: string }) => item.token)).toEqual([approved]);
      const [row] = await query<{ createdAt: Date }>(stack.db.url, 'SELECT "createdAt" FROM orders WHERE token = $1', [approved]);
      const from = await backOffice(stack).get(`/v1/orders?from=${row.createdAt.toISOString()}`).expect(200);
      expect(from.body.items.map((item: { token: string }) => item.token)).toEqual([approved]);
      const to = await backOffice(stack).get(`/v1/orders?to=${row.createdAt.toISOString()}`).expect(200);
      expect(to.body.items.map((item: { token: string }) => item.token)).not.toContain(approved);
    });

    it('masks personal data and shows no secrets', async () => {
      const res = await backOffice(stack).get('/v1/orders?status=approved').expect(200);
      const [item] = res.body.items;
      expect(item.fiscalCode).toMatch(/^[A-Z0-9]{6}\*{9}[A-Z0-9]$/);
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['callbackSecret']));
      expect(JSON.stringify(res.body)).not.toMatch(/callback|secret|redirect|Mario|Rossi|example\.com/i);
    });

    it('refuses dates out of 1970-9999 or without an offset with 400 naming the field, also inside a forged cursor', async () => {
      const cursorAt = (t: string) => Buffer.from(JSON.stringify({ t, i: '0b3c4f2e-9d7a-4c1e-8f00-1234567890ab' })).toString('base64url');
      const cases = [
        ['from=-271821-04-20T00:00:00Z', 'from'], ['to=-271821-04-20T00:00:00Z', 'to'], ['to=%2B275760-09-13T00:00:00Z', 'to'],
        ['from=0001-01-01T00:00:00Z', 'from'], ['from=2026-11-01T00:00:00', 'from'], ['to=2026-02-30T00:00:00Z', 'to'],
        [`cursor=${cursorAt('-271821-04-20T00:00:00.000Z')}`, 'cursor'], [`cursor=${cursorAt('0001-01-01T00:00:00.000Z')}`, 'cursor'],
      ];
      for (const [query, field] of cases) {
        const res = await backOffice(stack).get(`/v1/orders?${query}`);
        expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
        expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
      }
    });

    it('refuses a bad query with 400 naming the field', async () => {
      for (const [query, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['status=nope', 'status'], ['from=yesterday', 'from'], ['cursor=abc', 'cursor'], ['extra=1', 'extra']]) {
        const res = await backOffice(stack).get(`/v1/orders?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe(field);
      }
    });
  });

  describe('sync and reconciliation', () => {
    const setSoisyStatus = (token: string, status: string) =>
      stack.emulator.context.state.orders.get(token)!.status = status as never;

    it('applies the status Soisy reports and records it with source sync', async () => {
      const token = await approvedOrder(stack);
      setSoisyStatus(token, 'waiting_for_disbursement');
      const res = await backOffice(stack).post(`/v1/orders/${token}/sync`).expect(200);
      expect(res.body.sync).toEqual({ soisyStatus: 'waiting_for_disbursement', from: 'approved', confirmed: 'verified', applied: true });
      expect(res.body.order).toMatchObject({ status: 'verified', soisyStatus: 'waiting_for_disbursement' });
      const again = await backOffice(stack).post(`/v1/orders/${token}/sync`).expect(200);
      expect(again.body.sync.applied).toBe(false);
      const events = (await orderOf(stack, token)).events.filter((event) => event.source === 'sync');
      expect(events.map((event) => [event.type, event.toStatus])).toEqual([['sync', 'verified'], ['sync.unchanged', null]]);
    });

    it('refuses a token that cannot be an order token with 400 naming token, never a 500', async () => {
      for (const token of ['bad%00token', 'a%20b', "o'brien", '%F0%9F%92%B3']) {
        const res = await backOffice(stack).post(`/v1/orders/${token}/sync`);
        expect({ token, status: res.status, type: res.headers['content-type'] }).toEqual({ token, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
        expect(res.body.errors).toEqual([{ field: 'token', message: expect.any(String) }]);
      }
    });

    it('answers 404 for an unknown order and 502 when Soisy fails', async () => {
      expect((await backOffice(stack).post('/v1/orders/unknown/sync').expect(404)).body.code).toBe('ORDER.NOT_FOUND');
      const token = await approvedOrder(stack);
      await fetch(`${stack.emulator.url}/__emulator/faults`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'GET', path: `/shops/partnershop/orders/${token}`, times: 5, fault: { type: 'status', status: 500 } }),
      });
      const res = await backOffice(stack).post(`/v1/orders/${token}/sync`);
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    });

    it('re-syncs open orders left alone too long, a bounded batch per tick', async () => {
      await query(stack.db.url, 'DELETE FROM orders');
      const tokens = [await approvedOrder(stack), await approvedOrder(stack), await approvedOrder(stack)];
      for (const token of tokens) setSoisyStatus(token, 'waiting_for_verification');
      const job = stack.app.get(ReconciliationJob);
      expect(await job.runOnce()).toEqual({ synced: 0, moved: 0, failed: 0 });
      clock.advance(31 * 60_000);
      expect(await job.runOnce()).toEqual({ synced: 2, moved: 2, failed: 0 });
      expect(await job.runOnce()).toEqual({ synced: 1, moved: 1, failed: 0 });
      expect(await job.runOnce()).toEqual({ synced: 0, moved: 0, failed: 0 });
      for (const token of tokens) expect((await orderOf(stack, token)).status).toBe('completed');
    });
  });
});
