import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import {
  backOffice, FakeClock, fireEvent, injectFault, matchTriggers, orderOf, startBackOfficeStack, successfulMatchTriggers,
} from './support/back-office.js';
import { approvedOrder, createdOrder } from './support/checkout.js';

const MATCH_TRIGGER = '/shops/partnershop/orders/*/match-trigger';
const HOUR = 3_600_000;

describe('releasing a suspended order', () => {
  let stack: Stack;
  let clock: FakeClock;
  const tick = () => stack.app.get(ReleaseScheduler).runOnce();
  const release = (token: string, body: object = {}) => backOffice(stack).post(`/v1/orders/${token}/release`, body);
  const releaseEvents = async (token: string) =>
    (await orderOf(stack, token)).events.filter((event) => event.type.startsWith('release.')).map((event) => `${event.source}:${event.type}`);

  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack());
  });
  afterAll(() => stack.close());

  it('sends match-trigger once for the order amount and answers 200 with the release', async () => {
    const token = await approvedOrder(stack, 120000);
    const res = await release(token).expect(200);
    expect(res.body.release).toMatchObject({ status: 'released', amount: 120000, attempts: 1, lastError: null, releasedAt: clock.now().toISOString() });
    expect(await matchTriggers(stack, token)).toEqual([expect.objectContaining({ status: 204, body: expect.objectContaining({ amount: 120000 }) })]);
    expect(await releaseEvents(token)).toEqual(['api:release.attempt_started', 'api:release.succeeded']);
  });

  // Before any test moves the clock: idempotency records expire by the Clock after 24 hours.
  it('replays the first answer for a repeated Idempotency-Key and refuses the key for another body', async () => {
    const token = await approvedOrder(stack);
    const first = await release(token).set('idempotency-key', `release-${token}`).expect(200);
    const replay = await release(token).set('idempotency-key', `release-${token}`).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await release(token, { amount: 5000 }).set('idempotency-key', `release-${token}`).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
  });

  it('replays a scheduling whose time has passed meanwhile instead of refusing the past time', async () => {
    const token = await approvedOrder(stack);
    const releaseAt = new Date(clock.now().getTime() + 60_000).toISOString();
    const first = await release(token, { releaseAt }).set('idempotency-key', `schedule-${token}`).expect(202);
    clock.advance(2 * 60_000);
    const replay = await release(token, { releaseAt }).set('idempotency-key', `schedule-${token}`).expect(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('refuses a releaseAt that is not a future ISO 8601 date-time with an offset, and stores nothing', async () => {
    const token = await approvedOrder(stack);
    const inMs = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    const bad: Array<[string, unknown]> = [
      ['a boolean', true], ['zero', 0], ['Unix seconds', 1764576000], ['null', null], ['a date without a time', '2026-12-01'],
      ['a time without an offset', inMs(HOUR).replace('Z', '')], ['a year before 1970', '-271821-04-20T00:00:00Z'],
      ['a time in the past', inMs(-60_000)], ['the present instant', inMs(0)], ['more than two years ahead', inMs(2 * 366 * 24 * HOUR)],
    ];
    for (const [what, releaseAt] of bad) {
      const res = await release(token, { releaseAt });
      expect({ what, status: res.status, type: res.headers['content-type'] }).toEqual({ what, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect({ what, fields: res.body.errors.map((error: { field: string }) => error.field) }).toEqual({ what, fields: ['releaseAt'] });
    }
    await tick();
    expect(await matchTriggers(stack, token)).toEqual([]);
    const [row] = await query<{ releaseStatus: string; releaseAt: Date | null }>(stack.db.url, 'SELECT "releaseStatus", "releaseAt" FROM orders WHERE token = $1', [token]);
    expect(row).toEqual({ releaseStatus: 'none', releaseAt: null });
  });

  it('answers a repeat with the release already made, and refuses a different amount', async () => {
    const token = await approvedOrder(stack);
    await release(token, { amount: 80000 }).expect(200);
    const again = await release(token, { amount: 80000 }).expect(200);
    expect(again.body.release).toMatchObject({ status: 'released', amount: 80000 });
    expect(await release(token).expect(200)).toBeDefined();
    const other = await release(token, { amount: 90000 }).expect(409);
    expect(other.body.code).toBe('RELEASE.ALREADY_RELEASED');
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
  });

  it('refuses an amount above the order amount, naming the field', async () => {
    const token = await approvedOrder(stack, 100000);
    const res = await release(token, { amount: 100001 }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'amount', message: expect.stringContaining('100000') }]);
    expect((await release(token, { releaseAt: 'tomorrow' }).expect(400)).body.errors[0].field).toBe('releaseAt');
    expect((await release(token, { amount: 10.5 }).expect(400)).body.errors[0].field).toBe('amount');
    expect(await matchTriggers(stack, token)).toEqual([]);
  });

  it('refuses to release an order that is not approved yet', async () => {
    const token = await createdOrder(stack);
    const res = await release(token).expect(409);
    expect(res.body).toMatchObject({ code: 'RELEASE.NOT_RELEASABLE', orderStatus: 'created' });
    expect(await matchTriggers(stack, token)).toEqual([]);
  });

  it('refuses to release an order Soisy cancelled', async () => {
    const token = await approvedOrder(stack);
    await fireEvent(stack, token, 'UserWasRejected');
    const res = await release(token).expect(409);
    expect(res.body).toMatchObject({ code: 'RELEASE.NOT_RELEASABLE', orderStatus: 'cancelled' });
    expect(await matchTriggers(stack, token)).toEqual([]);
  });

  it('answers 404 for an order it does not know', async () => {
    expect((await release('no-such-token').expect(404)).body.code).toBe('ORDER.NOT_FOUND');
  });

  it('refuses a token that cannot be an order token with 400 naming token, never a 500', async () => {
    for (const token of ['bad%00token', 'a%20b', "o'brien", '%F0%9F%92%B3']) {
      const res = await release(token);
      expect({ token, status: res.status, type: res.headers['content-type'] }).toEqual({ token, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(res.body.errors).toEqual([{ field: 'token', message: expect.any(String) }]);
    }
  });

  it('stores a release for later and sends it once, at its time', async () => {
    const token = await approvedOrder(stack);
    const releaseAt = new Date(clock.now().getTime() + HOUR);
    const res = await release(token, { releaseAt: releaseAt.toISOString() }).expect(202);
    expect(res.body.release).toMatchObject({ status: 'scheduled', releaseAt: releaseAt.toISOString(), amount: 100000 });
    await tick();
    expect(await matchTriggers(stack, token)).toEqual([]);
    clock.advance(HOUR);
    await tick();
    await tick();
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
    expect(await releaseEvents(token)).toEqual(['api:release.scheduled', 'scheduler:release.attempt_started', 'scheduler:release.succeeded']);
    const list = await backOffice(stack).get('/v1/orders?limit=100').expect(200);
    expect(list.body.items.find((item: { token: string }) => item.token === token).release.status).toBe('released');
  });

  it('retries a refused release with backoff until it succeeds', async () => {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 429 } });
    const first = await release(token).expect(202);
    expect(first.body.release).toMatchObject({ status: 'scheduled', attempts: 1, lastError: expect.stringContaining('429') });
    const retryAt = new Date(first.body.release.nextAttemptAt).getTime();
    expect(retryAt - clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
    await tick();
    expect(await matchTriggers(stack, token)).toHaveLength(1);
    clock.advance(2 * 60_000);
    await tick();
    expect((await matchTriggers(stack, token)).map((call) => call.status)).toEqual([429, 204]);
    expect(await releaseEvents(token)).toEqual([
      'api:release.attempt_started', 'api:release.attempt_failed', 'scheduler:release.attempt_started', 'scheduler:release.succeeded',
    ]);
  });

  it('marks a release failed, where the back office sees it, after the configured number of attempts', async () => {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 3, fault: { type: 'status', status: 429 } });
    await release(token, { releaseAt: new Date(clock.now().getTime() + 60_000).toISOString() }).expect(202);
    for (let attempt = 0; attempt < 5; attempt++) {
      await tick();
      clock.advance(10 * 60_000);
    }
    expect((await matchTriggers(stack, token)).map((call) => call.status)).toEqual([429, 429, 429]);
    const list = await backOffice(stack).get('/v1/orders?limit=100').expect(200);
    expect(list.body.items.find((item: { token: string }) => item.token === token).release).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringContaining('429') });
    expect((await releaseEvents(token)).filter((type) => type.endsWith('release.failed'))).toHaveLength(1);
  });

  it('never repeats a match-trigger whose outcome is unknown', async () => {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 500 }, afterProcessing: true });
    const res = await release(token).expect(502);
    expect(res.body.code).toBe('RELEASE.OUTCOME_UNKNOWN');
    clock.advance(24 * HOUR);
    await tick();
    expect((await release(token).expect(409)).body.code).toBe('RELEASE.OUTCOME_UNKNOWN');
    expect(await matchTriggers(stack, token)).toHaveLength(1);
    expect(await releaseEvents(token)).toEqual(['api:release.attempt_started', 'api:release.outcome_unknown']);
  });

  it('parks a claim whose instance died mid-call as unknown instead of sending it again', async () => {
    const token = await approvedOrder(stack);
    // What a crash between claim and settlement leaves behind: in progress, lease running.
    await query(stack.db.url, `UPDATE orders SET "releaseStatus" = 'in_progress', "releaseAttempts" = 1, "releaseAmountCents" = "amountCents",
      "releaseNextAttemptAt" = $2 WHERE token = $1`, [token, new Date(clock.now().getTime() + 5 * 60_000)]);
    await tick();
    expect((await release(token).expect(409)).body.code).toBe('RELEASE.IN_PROGRESS');
    clock.advance(6 * 60_000);
    await tick();
    expect((await release(token).expect(409)).body.code).toBe('RELEASE.OUTCOME_UNKNOWN');
    expect(await matchTriggers(stack, token)).toEqual([]);
    expect(await releaseEvents(token)).toEqual(['scheduler:release.claim_expired']);
  });

  it('gives up a scheduled release when the order is cancelled before it is due', async () => {
    const token = await approvedOrder(stack);
    await release(token, { releaseAt: new Date(clock.now().getTime() + HOUR).toISOString() }).expect(202);
    await fireEvent(stack, token, 'UserWasRejected');
    clock.advance(2 * HOUR);
    await tick();
    expect(await matchTriggers(stack, token)).toEqual([]);
    const [row] = await query<{ releaseStatus: string }>(stack.db.url, 'SELECT "releaseStatus" FROM orders WHERE token = $1', [token]);
    expect(row.releaseStatus).toBe('failed');
  });
});
