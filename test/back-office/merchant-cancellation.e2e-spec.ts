import request from 'supertest';
import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { FakeClock, fireEvent, injectFault, matchTriggers, startBackOfficeStack, successfulMatchTriggers } from './support/back-office.js';
import { approvalBody, loanRequestBody, waitUntil } from '../checkout/support/checkout.js';
import { approvedOrder, createdOrder } from './support/checkout.js';
import { startSecondInstance, type Instance } from './support/second-instance.js';

const MATCH_TRIGGER = '/shops/partnershop/orders/*/match-trigger';
const ANNA_KEY = 'anna-cancel-key-3e8b1f6a9c2d';
const asAnna = { authorization: `Bearer ${ANNA_KEY}` };
const HOUR = 3_600_000;

/**
 * The merchant's cancellation over real HTTP and PostgreSQL, two instances on one database: allowed
 * until the order is released or disbursed, blocks every later release, loses to a release already
 * in flight, and says what is left to do at Soisy (which has no cancel call).
 */
describe("the merchant's cancellation", () => {
  let stack: Stack;
  let clock: FakeClock;
  let second: Instance;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ ADMIN_API_KEYS: `ops-anna:${ANNA_KEY}` }));
    second = await startSecondInstance(stack, clock, { ADMIN_API_KEYS: `ops-anna:${ANNA_KEY}` });
  });
  afterAll(async () => {
    await second.close();
    await stack.close();
  });
  beforeEach(() => fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' }));

  const cancel = (token: string, body: object = { reason: 'Out of stock' }, url = stack.url) =>
    request(url).post(`/v1/orders/${token}/cancel`).set(asAnna).send(body);
  const release = (token: string, body: object = {}, url = stack.url) => request(url).post(`/v1/orders/${token}/release`).set(asAnna).send(body);
  const tick = () => stack.app.get(ReleaseScheduler).runOnce();
  const rowOf = async (token: string) =>
    (await query<{ status: string; releaseStatus: string; statusDetail: string | null }>(stack.db.url,
      'SELECT status, "releaseStatus", "statusDetail" FROM orders WHERE token = $1', [token]))[0];

  it('cancels an approved order here, says what to do at Soisy, and refuses every later release', async () => {
    const token = await approvedOrder(stack);
    const res = await cancel(token, { reason: 'Out of stock' }).expect(200);
    expect(res.body.order).toMatchObject({ token, status: 'cancelled', statusDetail: 'ORDER.CANCELLED_BY_MERCHANT' });
    expect(res.body.atSoisy).toMatchObject({ cancelled: false, soisyStatus: expect.any(String) });
    expect(res.body.atSoisy.action).toContain('Soisy has no public cancel call');
    expect(res.body.atSoisy.action).toContain('partner@soisy.it');

    const refused = await release(token).expect(409);
    expect(refused.body).toMatchObject({ code: 'RELEASE.NOT_RELEASABLE', orderStatus: 'cancelled' });
    await release(token, { releaseAt: new Date(clock.now().getTime() + HOUR).toISOString() }).expect(409);
    expect(await matchTriggers(stack, token)).toEqual([]);
    const [event] = await query<{ type: string; actor: string; data: unknown; fromStatus: string; toStatus: string }>(stack.db.url,
      `SELECT e.type, e.actor, e.data, e."fromStatus", e."toStatus" FROM order_events e JOIN orders o ON o.id = e."orderId"
       WHERE o.token = $1 AND e.type = 'order.merchant_cancelled'`, [token]);
    expect(event).toEqual({ type: 'order.merchant_cancelled', actor: 'ops-anna', data: { reason: 'Out of stock' }, fromStatus: 'approved', toStatus: 'cancelled' });
  });

  it('is allowed from created too, and repeating it with the same reason answers the same order without a second event', async () => {
    const token = await createdOrder(stack);
    const first = await cancel(token).expect(200);
    const again = await cancel(token, { reason: '  Out of stock ' }).expect(200);
    expect(again.body).toEqual(first.body);
    const events = await query(stack.db.url, `SELECT 1 FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 AND e.type = 'order.merchant_cancelled'`, [token]);
    expect(events).toHaveLength(1);
  });

  it('refuses a repeat with another reason (409, naming who cancelled it, when and why) and records nothing', async () => {
    const token = await createdOrder(stack);
    await cancel(token, { reason: 'Out of stock' }).expect(200);
    clock.advance(60_000);
    // When: the first cancellation's event, as the order's history shows it to the back office.
    const history = await request(stack.url).get(`/v1/orders/${token}/history`).set(asAnna).expect(200);
    const cancelledAt = history.body.events.find((event: { type: string }) => event.type === 'order.merchant_cancelled').at;
    const other = await cancel(token, { reason: 'Customer changed their mind' }).expect(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ code: 'ORDER.ALREADY_CANCELLED', cancelledBy: 'ops-anna', cancelledAt, reason: 'Out of stock' });
    expect(JSON.stringify(other.body)).not.toContain(ANNA_KEY);
    const events = await query<{ data: unknown }>(stack.db.url,
      `SELECT e.data FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 AND e.type = 'order.merchant_cancelled'`, [token]);
    expect(events).toEqual([{ data: { reason: 'Out of stock' } }]);
    const doc = (await request(stack.url).get('/docs-json').expect(200)).body;
    expect(JSON.stringify(doc.paths['/v1/orders/{token}/cancel'].post.responses['409'])).toContain('ORDER.ALREADY_CANCELLED');
  });

  it('fails a scheduled release with the cancellation: the scheduler never sends it', async () => {
    const token = await approvedOrder(stack);
    await release(token, { releaseAt: new Date(clock.now().getTime() + HOUR).toISOString() }).expect(202);
    const res = await cancel(token).expect(200);
    expect(res.body.order.release).toMatchObject({ status: 'failed', nextAttemptAt: null, lastError: expect.stringContaining('cancelled') });
    clock.advance(2 * HOUR);
    await Promise.all([tick(), second.app.get(ReleaseScheduler).runOnce()]);
    expect(await matchTriggers(stack, token)).toEqual([]);
  });

  it('refuses (409, naming why) once the order is released, disbursed, or its release outcome is unknown', async () => {
    const released = await approvedOrder(stack);
    await release(released).expect(200);
    expect((await cancel(released).expect(409)).body).toMatchObject({ code: 'ORDER.NOT_CANCELLABLE', releaseStatus: 'released' });

    const disbursed = await approvedOrder(stack);
    for (const event of ['RequestCompleted', 'LoanWasVerified', 'LoanWasDisbursed']) await fireEvent(stack, disbursed, event);
    expect((await cancel(disbursed).expect(409)).body).toMatchObject({ code: 'ORDER.NOT_CANCELLABLE', orderStatus: 'disbursed' });

    const unknown = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 500 } });
    await release(unknown).expect(502);
    const res = await cancel(unknown).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'ORDER.NOT_CANCELLABLE', releaseStatus: 'unknown' });
    expect((await rowOf(unknown)).status).toBe('approved');
  });

  it('keeps a Soisy status arriving later on record without reopening the order', async () => {
    const token = await approvedOrder(stack);
    await cancel(token).expect(200);
    await fireEvent(stack, token, 'RequestCompleted');
    expect(await rowOf(token)).toMatchObject({ status: 'cancelled', statusDetail: 'ORDER.CANCELLED_BY_MERCHANT' });
  });

  it('races a release across two instances: one wins, never both, each time', async () => {
    let cancels = 0;
    let releases = 0;
    for (let round = 0; round < 8; round++) {
      const token = await approvedOrder(stack);
      // A slow Soisy on some rounds keeps the release in flight while the cancel arrives.
      if (round % 4 === 0) await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'delay', ms: 150 } });
      // Instances swap roles every two rounds; the request sent first alternates every round.
      const [releaseUrl, cancelUrl] = round % 4 < 2 ? [stack.url, second.url] : [second.url, stack.url];
      const releasing = () => release(token, {}, releaseUrl);
      const cancelling = () => cancel(token, { reason: 'race' }, cancelUrl);
      const [r, c] = round % 2 === 0
        ? await Promise.all([releasing(), cancelling()])
        : (await Promise.all([cancelling(), releasing()])).reverse();
      const row = await rowOf(token);
      const triggers = await successfulMatchTriggers(stack, token);
      if (c.status === 200) {
        cancels++;
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('RELEASE.NOT_RELEASABLE');
        expect(row).toMatchObject({ status: 'cancelled', releaseStatus: 'none' });
        expect(await matchTriggers(stack, token)).toEqual([]);
      } else {
        releases++;
        expect(c.status).toBe(409);
        expect(c.body.code).toBe('ORDER.NOT_CANCELLABLE');
        expect(['in_progress', 'released']).toContain(c.body.releaseStatus);
        expect(r.status).toBe(200);
        expect(row).toMatchObject({ status: 'approved', releaseStatus: 'released' });
        expect(triggers).toBe(1);
      }
    }
    expect(cancels + releases).toBe(8);
  });

  it('answers 400 naming the field for a bad body, and changes nothing', async () => {
    const token = await approvedOrder(stack);
    const bad: Array<[object, string]> = [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: ' \n ' }, 'reason'],
      [{ reason: ['a'] }, 'reason'],
      [{ reason: 'r'.repeat(501) }, 'reason'],
      [{ reason: 'ok', force: true }, 'force'],
    ];
    for (const [body, field] of bad) {
      const res = await cancel(token, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect((await rowOf(token)).status).toBe('approved');
    expect((await request(stack.url).post(`/v1/orders/${token}/cancel`).send({ reason: 'r' })).status).toBe(401);
    expect((await cancel('no-such-order-token').expect(404)).body.code).toBe('ORDER.NOT_FOUND');
  });

  it('waits for the shopper\'s approval being sent to Soisy (409 ORDER.STEP_IN_PROGRESS, Retry-After): Soisy\'s answer is recorded, then a retried cancel decides', async () => {
    const token = await createdOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody()).expect(201);
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/requests/*', fault: { type: 'delay', ms: 1000 } });
    const approving = request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).then((res) => res);
    await waitUntil('the approval holds the order', async () => (await query<{ stepClaim: string | null }>(stack.db.url,
      'SELECT "stepClaim" FROM orders WHERE token = $1', [token]))[0]?.stepClaim === 'approval');

    const refused = await cancel(token).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORDER.STEP_IN_PROGRESS', step: 'approval' });
    expect(refused.headers['retry-after']).toBe('2');
    expect((await rowOf(token)).status).toBe('requested');

    const approval = await approving;
    expect(approval.status).toBe(200);
    expect(approval.body).toMatchObject({ status: 'approved', netAmount: expect.any(Number) });
    const retried = await cancel(token).expect(200);
    expect(retried.body.order).toMatchObject({ status: 'cancelled', statusDetail: 'ORDER.CANCELLED_BY_MERCHANT' });
  });
});
