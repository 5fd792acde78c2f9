import request from 'supertest';
import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { FakeClock, injectFault, matchTriggers, startBackOfficeStack, successfulMatchTriggers } from './support/back-office.js';
import { approvedOrder } from './support/checkout.js';

const MATCH_TRIGGER = '/shops/partnershop/orders/*/match-trigger';
const ANNA_KEY = 'anna-resolution-key-7c1e9a3f5b2d';
const asAnna = { authorization: `Bearer ${ANNA_KEY}` };

/**
 * A release whose outcome is unknown, resolved by a human over the API (real PostgreSQL, the
 * emulator over HTTP, a fake clock): settled as released without calling Soisy, or made
 * releasable again so that the next release call sends exactly one match-trigger.
 */
describe('resolving a release whose outcome is unknown', () => {
  let stack: Stack;
  let clock: FakeClock;
  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack({ ADMIN_API_KEYS: `ops-anna:${ANNA_KEY}` }));
  });
  afterAll(() => stack.close());

  const release = (token: string, body: object = {}) => request(stack.url).post(`/v1/orders/${token}/release`).set(asAnna).send(body);
  const resolve = (token: string, body: object) => request(stack.url).post(`/v1/orders/${token}/release/resolution`).set(asAnna).send(body);
  const tick = () => stack.app.get(ReleaseScheduler).runOnce();

  /** An approved order whose match-trigger got a 500: `afterProcessing` says whether Soisy did act on it. */
  async function unknownRelease(afterProcessing: boolean): Promise<string> {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 500 }, afterProcessing });
    expect((await release(token).expect(502)).body.code).toBe('RELEASE.OUTCOME_UNKNOWN');
    return token;
  }

  async function events(token: string) {
    return query<{ type: string; actor: string | null; data: Record<string, unknown> | null }>(stack.db.url,
      'SELECT e.type, e.actor, e.data FROM order_events e JOIN orders o ON o.id = e."orderId" WHERE o.token = $1 ORDER BY e."createdAt", e.id', [token]);
  }

  it('settles it as released without calling Soisy, and a later release answers the release already done', async () => {
    const token = await unknownRelease(true);
    const res = await resolve(token, { outcome: 'released', note: 'Soisy partner support: financing started' }).expect(200);
    expect(res.body.release).toMatchObject({ status: 'released', amount: 100000, releasedAt: clock.now().toISOString(), lastError: null });
    expect(await matchTriggers(stack, token)).toHaveLength(1);

    // Asking for the release again is answered with it, and Soisy hears nothing more.
    expect((await release(token).expect(200)).body.release.status).toBe('released');
    clock.advance(24 * 60 * 60_000);
    await tick();
    expect(await matchTriggers(stack, token)).toHaveLength(1);
    const resolution = (await events(token)).find((event) => event.type === 'release.succeeded');
    expect(resolution).toMatchObject({ actor: 'ops-anna', data: { resolution: 'released', note: 'Soisy partner support: financing started' } });
  });

  it("shows who resolved it: the operator's name in the back office, resolvedByOperator on the storefront's view; a new claim clears it", async () => {
    const token = await unknownRelease(true);
    clock.advance(5 * 60_000);
    const resolvedAt = clock.now().toISOString();
    const res = await resolve(token, { outcome: 'released', note: 'confirmed' }).expect(200);
    expect(res.body.release).toMatchObject({ status: 'released', releasedAt: resolvedAt, resolvedBy: 'ops-anna' });
    const history = await request(stack.url).get(`/v1/orders/${token}/history`).set(asAnna).expect(200);
    expect(history.body.order.release.resolvedBy).toBe('ops-anna');
    const view = await request(stack.url).get(`/v1/orders/${token}`).expect(200);
    // releasedAt is the resolution's time (when Soisy acted on the unanswered call is not known); no operator name for the storefront.
    expect(view.body.release).toEqual({ status: 'released', amount: 100000, releasedAt: resolvedAt, resolvedByOperator: true });
    expect(JSON.stringify(view.body)).not.toContain('ops-anna');

    const retried = await unknownRelease(false);
    expect((await resolve(retried, { outcome: 'not_released', note: 'n' }).expect(200)).body.release).toMatchObject({ status: 'none', resolvedBy: 'ops-anna' });
    const released = await release(retried).expect(200);
    expect(released.body.release).toMatchObject({ status: 'released', resolvedBy: null });
    expect((await request(stack.url).get(`/v1/orders/${retried}`).expect(200)).body.release)
      .toEqual({ status: 'released', amount: 100000, releasedAt: released.body.release.releasedAt, resolvedByOperator: false });
  });

  it('makes it releasable again when Soisy never got it, and the next release sends exactly one match-trigger', async () => {
    const token = await unknownRelease(false);
    const res = await resolve(token, { outcome: 'not_released', note: 'Not in Soisy\'s back office' }).expect(200);
    expect(res.body.release).toMatchObject({ status: 'none', releasedAt: null });
    const callsBefore = (await matchTriggers(stack, token)).length;

    await Promise.all([release(token), release(token), tick()]);
    const after = (await matchTriggers(stack, token)).slice(callsBefore);
    expect(after.map((call) => call.status)).toEqual([204]);
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
    const [row] = await query<{ releaseStatus: string }>(stack.db.url, 'SELECT "releaseStatus" FROM orders WHERE token = $1', [token]);
    expect(row.releaseStatus).toBe('released');
    expect((await events(token)).map((event) => `${event.type}:${event.actor}`)).toEqual(expect.arrayContaining([
      'release.failed:ops-anna', 'release.attempt_started:ops-anna', 'release.succeeded:ops-anna',
    ]));
  });

  it('can schedule a release again after not_released, and the scheduler sends it once', async () => {
    const token = await unknownRelease(false);
    await resolve(token, { outcome: 'not_released', note: 'checked' }).expect(200);
    const callsBefore = (await matchTriggers(stack, token)).length;
    await release(token, { releaseAt: new Date(clock.now().getTime() + 60_000).toISOString() }).expect(202);
    clock.advance(60_000);
    await Promise.all([tick(), tick()]);
    expect((await matchTriggers(stack, token)).slice(callsBefore).map((call) => call.status)).toEqual([204]);
  });

  it('is idempotent: the same resolution again answers the same order and writes nothing', async () => {
    const token = await unknownRelease(true);
    const first = await resolve(token, { outcome: 'released', note: 'confirmed' }).expect(200);
    const count = (await events(token)).length;
    const again = await resolve(token, { outcome: 'released', note: 'confirmed again' }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await events(token)).toHaveLength(count);

    const notReleased = await unknownRelease(false);
    const once = await resolve(notReleased, { outcome: 'not_released', note: 'x' }).expect(200);
    expect((await resolve(notReleased, { outcome: 'not_released', note: 'x' }).expect(200)).body).toEqual(once.body);
  });

  it('refuses any other release state with a 409 naming it, and changes nothing', async () => {
    const none = await approvedOrder(stack);
    const res = await resolve(none, { outcome: 'released', note: 'n' }).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'RELEASE.NOT_UNKNOWN', releaseStatus: 'none' });
    expect(res.body.detail).toContain('"none"');

    // The opposite resolution of one already made: refused, naming the state it left.
    const resolved = await unknownRelease(true);
    await resolve(resolved, { outcome: 'released', note: 'n' }).expect(200);
    expect((await resolve(resolved, { outcome: 'not_released', note: 'n' }).expect(409)).body.releaseStatus).toBe('released');

    // A not_released order released since: a repeat of not_released is refused (its state moved on).
    const moved = await unknownRelease(false);
    await resolve(moved, { outcome: 'not_released', note: 'n' }).expect(200);
    await release(moved).expect(200);
    expect((await resolve(moved, { outcome: 'not_released', note: 'n' }).expect(409)).body.releaseStatus).toBe('released');

    const scheduled = await approvedOrder(stack);
    await release(scheduled, { releaseAt: new Date(clock.now().getTime() + 3_600_000).toISOString() }).expect(202);
    expect((await resolve(scheduled, { outcome: 'not_released', note: 'n' }).expect(409)).body.releaseStatus).toBe('scheduled');
    expect((await resolve('unknown-token-000', { outcome: 'released', note: 'n' }).expect(404)).body.code).toBe('ORDER.NOT_FOUND');
  });

  it('answers 400 naming the field for a bad body, and changes nothing', async () => {
    const token = await unknownRelease(true);
    const bad: Array<[object, string]> = [
      [{ note: 'n' }, 'outcome'],
      [{ outcome: 'maybe', note: 'n' }, 'outcome'],
      [{ outcome: 'released' }, 'note'],
      [{ outcome: 'released', note: '   ' }, 'note'],
      [{ outcome: 'released', note: 42 }, 'note'],
      [{ outcome: 'released', note: 'x'.repeat(501) }, 'note'],
      [{ outcome: 'released', note: 'n', extra: true }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await resolve(token, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const [row] = await query<{ releaseStatus: string }>(stack.db.url, 'SELECT "releaseStatus" FROM orders WHERE token = $1', [token]);
    expect(row.releaseStatus).toBe('unknown');
    expect((await request(stack.url).post(`/v1/orders/${token}/release/resolution`).send({ outcome: 'released', note: 'n' })).status).toBe(401);
  });
});
