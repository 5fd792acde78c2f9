import request from 'supertest';
import { OrderListReportJob } from '../../src/reconciliation/order-list-report/order-list-report.job.js';
import { freshFiscalCode, orderBody, waitUntil } from '../checkout/support/checkout.js';
import { eventTypes, localOrder, soisyOrdersWithReference } from '../checkout/support/recovery.js';
import { FakeClock, fireEvent, injectFault, startBackOfficeStack } from '../back-office/support/back-office.js';
import { approvedOrder, createdOrder } from '../back-office/support/checkout.js';
import { query } from '../support/database.js';
import { ADMIN_KEY, type Stack } from '../support/stack.js';

const ANNA_KEY = 'anna-secret-key-5f2c9e1d7b3a';
const LIST = { method: 'GET', path: '/shops/partnershop/orders' };

/**
 * Soisy's order list (CSV, the emulator's) against our orders, over real HTTP and PostgreSQL:
 * orphans from a lost create-order answer, status and amount mismatches flagged on the order and
 * cleared once resolved, one run at a time, with the back-office key's name (never the key).
 */
describe("reconciliation with Soisy's order list", () => {
  let stack: Stack;
  let clock: FakeClock;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ ADMIN_API_KEYS: `ops-anna:${ANNA_KEY},${ADMIN_KEY}`, ORDER_LIST_RECONCILE_INTERVAL_MINUTES: '60' }));
  });
  afterAll(() => stack.close());
  beforeEach(() => fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' }));

  const asAnna = { authorization: `Bearer ${ANNA_KEY}` };
  const runNow = (headers = asAnna) => request(stack.url).post('/v1/reconciliation/runs').set(headers).send();
  const latest = () => request(stack.url).get('/v1/reconciliation').set(asAnna);
  const tokenOf = async (reference: string) => (await soisyOrdersWithReference(stack.emulator.url, reference))[0].token;

  it('answers 404 problem+json before any report exists, and 401 without a key', async () => {
    const res = await latest();
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('RECONCILIATION.NO_REPORT');
    expect((await request(stack.url).get('/v1/reconciliation')).status).toBe(401);
    expect((await request(stack.url).post('/v1/reconciliation/runs').set({ authorization: 'Bearer wrong-key-0123456789abc' })).status).toBe(401);
  });

  it('reports the order of a lost create-order answer as an orphan, without personal data, in the name of the key used', async () => {
    const fiscalCode = freshFiscalCode();
    const body = orderBody({ customer: { firstname: 'Giulia', lastname: 'Bianchi', email: 'giulia.bianchi@example.com', fiscalCode } });
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'drop' }, afterProcessing: true });
    expect((await request(stack.url).post('/v1/orders').send(body)).status).toBe(502);
    const token = await tokenOf(body.orderReference as string);

    const res = await runNow();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ requestedBy: 'ops-anna', orphanCount: 1, mismatchCount: 0, truncated: false });
    expect(res.body.orphans).toEqual([{ token, orderReference: body.orderReference, soisyStatus: 'quote', amount: body.amount, createdAt: expect.any(String), localStatus: 'pending' }]);
    const text = JSON.stringify(res.body);
    for (const secretOrPersonal of [ANNA_KEY, 'Giulia', 'Bianchi', 'giulia.bianchi@example.com', fiscalCode]) expect(text).not.toContain(secretOrPersonal);

    const stored = await latest().expect(200);
    expect(stored.body).toEqual(res.body);
  });

  it('names a key configured without a name after its hash', async () => {
    const res = await runNow({ authorization: `Bearer ${ADMIN_KEY}` });
    expect(res.status).toBe(201);
    expect(res.body.requestedBy).toMatch(/^key-[0-9a-f]{8}$/);
    expect(JSON.stringify(res.body)).not.toContain(ADMIN_KEY);
  });

  it("flags a status and an amount that differ from Soisy's on the order, once, and clears the flag once they agree", async () => {
    // A callback whose confirmation failed: Soisy approved it, we still say created.
    const lagging = await createdOrder(stack);
    await injectFault(stack, { method: 'GET', path: `/shops/partnershop/orders/${lagging}`, fault: { type: 'status', status: 503 }, times: 20 });
    await fireEvent(stack, lagging, 'LoanWasApproved');
    await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    // An amount changed by hand on our side.
    const edited = await createdOrder(stack, 100000);
    await query(stack.db.url, 'UPDATE orders SET "amountCents" = 120000 WHERE token = $1', [edited]);

    clock.advance(61 * 60_000);
    const report = await stack.app.get(OrderListReportJob).runOnce();
    expect(report).toMatchObject({ requestedBy: 'scheduler', mismatchCount: 2 });
    // Not due again until the interval has passed: the next tick reads nothing from Soisy.
    const listReads = async () => (await stack.soisyCalls()).filter((call) => call.method === 'GET' && call.path === LIST.path).length;
    const readsBefore = await listReads();
    expect(await stack.app.get(OrderListReportJob).runOnce()).toBeUndefined();
    expect(await listReads()).toBe(readsBefore);
    const { body } = await latest().expect(200);
    expect(body.mismatches).toEqual(expect.arrayContaining([
      expect.objectContaining({ token: lagging, differences: ['status'], localStatus: 'created', soisyStatus: 'request_accepted' }),
      expect.objectContaining({ token: edited, differences: ['amount'], amount: 120000, soisyAmount: 100000 }),
    ]));
    const [laggingRow] = await query<{ id: string; statusDetail: string }>(stack.db.url, 'SELECT id, "statusDetail" FROM orders WHERE token = $1', [lagging]);
    expect(laggingRow.statusDetail).toBe('RECONCILIATION.MISMATCH: status (Soisy: request_accepted, ours: created)');
    const [editedRow] = await query<{ id: string; statusDetail: string }>(stack.db.url, 'SELECT id, "statusDetail" FROM orders WHERE token = $1', [edited]);
    expect(editedRow.statusDetail).toBe('RECONCILIATION.MISMATCH: amount (Soisy: 100000, ours: 120000)');

    // The next report finds the same: no second event.
    await runNow().expect(201);
    expect((await eventTypes(stack.db.url, laggingRow.id)).filter((type) => type.startsWith('reconciliation.'))).toEqual(['reconciliation.mismatch']);

    // Resolved: the lagging order re-synced, the amount put back.
    await request(stack.url).post(`/v1/orders/${lagging}/sync`).set(asAnna).expect(200);
    await query(stack.db.url, 'UPDATE orders SET "amountCents" = 100000 WHERE token = $1', [edited]);
    const after = await runNow().expect(201);
    expect(after.body.mismatches.map((mismatch: { token: string }) => mismatch.token)).not.toEqual(expect.arrayContaining([lagging]));
    expect(after.body.mismatchCount).toBe(0);
    expect((await localOrder(stack.db.url, (await query<{ orderReference: string }>(stack.db.url, 'SELECT "orderReference" FROM orders WHERE id = $1', [laggingRow.id]))[0].orderReference))!.statusDetail).toBeNull();
    expect((await eventTypes(stack.db.url, laggingRow.id)).filter((type) => type.startsWith('reconciliation.'))).toEqual(['reconciliation.mismatch', 'reconciliation.mismatch_resolved']);
    // Who asked is the event's actor (the key's name), not part of its data.
    const [event] = await query<{ data: unknown; actor: string | null }>(stack.db.url, `SELECT data, actor FROM order_events WHERE "orderId" = $1 AND type = 'reconciliation.mismatch_resolved'`, [laggingRow.id]);
    expect(event).toEqual({ data: null, actor: 'ops-anna' });
  });

  it("lists a mismatch on an order already flagged for another reason without overwriting that flag", async () => {
    const flagged = await createdOrder(stack, 100000);
    const otherDetail = 'Soisy disbursed 90000 cents, the order is for 100000';
    await query(stack.db.url, 'UPDATE orders SET "amountCents" = 110000, "statusDetail" = $2 WHERE token = $1', [flagged, otherDetail]);
    const { body } = await runNow().expect(201);
    expect(body.mismatches).toEqual(expect.arrayContaining([expect.objectContaining({ token: flagged, differences: ['amount'] })]));
    const [row] = await query<{ id: string; statusDetail: string }>(stack.db.url, 'SELECT id, "statusDetail" FROM orders WHERE token = $1', [flagged]);
    expect(row.statusDetail).toBe(otherDetail);
    // Agreeing again, the other detail stays too: only a reconciliation detail is cleared.
    await query(stack.db.url, 'UPDATE orders SET "amountCents" = 100000 WHERE token = $1', [flagged]);
    await runNow().expect(201);
    expect((await query<{ statusDetail: string }>(stack.db.url, 'SELECT "statusDetail" FROM orders WHERE id = $1', [row.id]))[0].statusDetail).toBe(otherDetail);
    expect(await eventTypes(stack.db.url, row.id)).not.toContain('reconciliation.mismatch');
  });

  it('lists a merchant cancellation Soisy still has open in cancelledHereOnly, not as a mismatch, and writes nothing on the order', async () => {
    const token = await createdOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/cancel`).set(asAnna).send({ reason: 'Out of stock' }).expect(200);
    const [row] = await query<{ id: string; orderReference: string }>(stack.db.url, 'SELECT id, "orderReference" FROM orders WHERE token = $1', [token]);

    const { body } = await runNow().expect(201);
    expect(body.mismatches.map((mismatch: { token: string }) => mismatch.token)).not.toContain(token);
    expect(body.cancelledHereOnly).toEqual(expect.arrayContaining([{ token, orderReference: row.orderReference, soisyStatus: 'quote', amount: 100000 }]));
    expect(body.cancelledHereOnlyCount).toBe(body.cancelledHereOnly.length);
    const [after] = await query<{ statusDetail: string }>(stack.db.url, 'SELECT "statusDetail" FROM orders WHERE id = $1', [row.id]);
    expect(after.statusDetail).toBe('ORDER.CANCELLED_BY_MERCHANT');
    expect((await eventTypes(stack.db.url, row.id)).filter((type) => type.startsWith('reconciliation.'))).toEqual([]);
    const metrics = (await request(stack.url).get('/metrics').expect(200)).text;
    expect(metrics).toContain(`reconciliation_order_list_cancelled_here_only ${body.cancelledHereOnlyCount}`);

    // Soisy partner support cancelled it there too: the two sides agree, it leaves the list.
    await fireEvent(stack, token, 'UserWasRejected');
    const agreed = await runNow().expect(201);
    expect(agreed.body.cancelledHereOnly.map((entry: { token: string }) => entry.token)).not.toContain(token);
    expect(agreed.body.mismatches.map((mismatch: { token: string }) => mismatch.token)).not.toContain(token);
  });

  it("reports a merchant cancellation that Soisy disbursed as a mismatch (money moved), keeping the cancellation's statusDetail", async () => {
    const token = await approvedOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/cancel`).set(asAnna).send({ reason: 'Customer withdrew' }).expect(200);
    await fireEvent(stack, token, 'RequestCompleted');
    await fireEvent(stack, token, 'LoanWasVerified');
    await fireEvent(stack, token, 'LoanWasDisbursed', { amount: 100000 });

    const { body } = await runNow().expect(201);
    expect(body.cancelledHereOnly.map((entry: { token: string }) => entry.token)).not.toContain(token);
    expect(body.mismatches).toEqual(expect.arrayContaining([
      expect.objectContaining({ token, differences: ['status'], localStatus: 'cancelled', soisyStatus: 'disbursed' }),
    ]));
    const [row] = await query<{ statusDetail: string }>(stack.db.url, 'SELECT "statusDetail" FROM orders WHERE token = $1', [token]);
    expect(row.statusDetail).toBe('ORDER.CANCELLED_BY_MERCHANT');
  });

  it('runs once at a time: a second request while one reads the list gets 409 with Retry-After', async () => {
    await injectFault(stack, { ...LIST, fault: { type: 'delay', ms: 1500 } });
    const first = runNow().then((res) => res);
    await waitUntil('the first run is reading the list', async () => (await stack.soisyCalls()).some((call) => call.method === 'GET' && call.path === LIST.path && call.status === null));
    const second = await runNow();
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('RECONCILIATION.RUN_IN_PROGRESS');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect((await first).status).toBe(201);
    // The lease is free again.
    await runNow().expect(201);
  });

  it('takes over the lease of a run whose replica died, once it has expired', async () => {
    await query(stack.db.url, `INSERT INTO job_leases (name, holder, "leaseUntil") VALUES ('reconciliation.order-list', gen_random_uuid(), $1)
      ON CONFLICT (name) DO UPDATE SET "leaseUntil" = EXCLUDED."leaseUntil"`, [new Date(clock.now().getTime() + 60_000)]);
    expect((await runNow()).status).toBe(409);
    clock.advance(61_000);
    await runNow().expect(201);
  });

  it('stores no report when Soisy fails, and answers 502 problem+json', async () => {
    const before = (await latest().expect(200)).body.id;
    await injectFault(stack, { ...LIST, fault: { type: 'status', status: 500 }, times: 10 });
    const res = await runNow();
    await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await latest().expect(200)).body.id).toBe(before);
  });

  it('shows the latest report in the metrics', async () => {
    const { body } = await latest().expect(200);
    const metrics = (await request(stack.url).get('/metrics').expect(200)).text;
    expect(metrics).toContain(`reconciliation_order_list_orphans ${body.orphanCount}`);
    expect(metrics).toContain(`reconciliation_order_list_mismatches ${body.mismatchCount}`);
    expect(metrics).toMatch(new RegExp(`reconciliation_order_list_last_run_timestamp_seconds ${Date.parse(body.startedAt) / 1000}`));
    expect(metrics).toMatch(/reconciliation_order_list_runs_total\{outcome="completed"\} [1-9]/);
  });

  it('documents both routes, with examples and every error', async () => {
    const doc = (await request(stack.url).get('/docs-json').expect(200)).body;
    const get = doc.paths['/v1/reconciliation'].get;
    const post = doc.paths['/v1/reconciliation/runs'].post;
    expect(get.security).toEqual([{ 'back-office': [] }]);
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '401', '409', '502', '504']));
    expect(JSON.stringify(get.responses['200'])).toContain('ORD-2025-000123');
    expect(get.description).toContain('cancelledHereOnly');
    expect(JSON.stringify(get.responses['200'])).toContain('cancelledHereOnly');
    expect(post.responses['409'].headers['Retry-After']).toBeDefined();
  });
});
