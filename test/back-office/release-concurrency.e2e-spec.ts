import request from 'supertest';
import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import type { Stack } from '../support/stack.js';
import { bearer, FakeClock, injectFault, matchTriggers, startBackOfficeStack, successfulMatchTriggers } from './support/back-office.js';
import { approvedOrder } from './support/checkout.js';
import { startSecondInstance, type Instance } from './support/second-instance.js';

const MATCH_TRIGGER = '/shops/partnershop/orders/*/match-trigger';

describe('two instances of the service on one database', () => {
  let stack: Stack;
  let clock: FakeClock;
  let second: Instance;
  const urls = () => [stack.url, second.url];
  const releaseVia = (url: string, token: string, body: object = {}) =>
    request(url).post(`/v1/orders/${token}/release`).set(bearer).send(body);

  beforeAll(async () => {
    ({ stack, clock } = await startBackOfficeStack());
    second = await startSecondInstance(stack, clock);
  });
  afterAll(async () => {
    await second.close();
    await stack.close();
  });

  it('send one successful match-trigger for many concurrent release calls to both', async () => {
    const token = await approvedOrder(stack);
    // A slow Soisy keeps the first claim in flight while the others arrive.
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'delay', ms: 300 } });
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => releaseVia(urls()[i % 2], token)));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(answers.filter((res) => res.status === 409).every((res) => res.body.code === 'RELEASE.IN_PROGRESS')).toBe(true);
    expect(await matchTriggers(stack, token)).toHaveLength(1);
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
  });

  it('send each due scheduled release once when both schedulers tick and release calls race them', async () => {
    const tokens = await Promise.all(Array.from({ length: 6 }, () => approvedOrder(stack)));
    for (const token of tokens) {
      await releaseVia(stack.url, token, { releaseAt: new Date(clock.now().getTime() + 60_000).toISOString() }).expect(202);
    }
    clock.advance(60_000);
    const schedulers = [stack.app.get(ReleaseScheduler), second.app.get(ReleaseScheduler)];
    await Promise.all([
      ...schedulers.flatMap((scheduler) => [scheduler.runOnce(), scheduler.runOnce()]),
      ...tokens.flatMap((token) => urls().map((url) => releaseVia(url, token))),
    ]);
    await Promise.all(schedulers.map((scheduler) => scheduler.runOnce()));
    for (const token of tokens) expect(await successfulMatchTriggers(stack, token)).toBe(1);
    const calls = (await stack.soisyCalls()).filter((call) => call.path.endsWith('/match-trigger'));
    expect(calls.every((call) => call.status === 204)).toBe(true);
  });

  it('retry a refused scheduled release on either instance without a second success', async () => {
    const token = await approvedOrder(stack);
    await injectFault(stack, { method: 'POST', path: MATCH_TRIGGER, times: 1, fault: { type: 'status', status: 429 } });
    await releaseVia(second.url, token, { releaseAt: new Date(clock.now().getTime() + 1000).toISOString() }).expect(202);
    const schedulers = [stack.app.get(ReleaseScheduler), second.app.get(ReleaseScheduler)];
    for (let round = 0; round < 3; round++) {
      await Promise.all([...schedulers.map((scheduler) => scheduler.runOnce()), ...urls().map((url) => releaseVia(url, token))]);
      clock.advance(10 * 60_000);
    }
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
  });
});
