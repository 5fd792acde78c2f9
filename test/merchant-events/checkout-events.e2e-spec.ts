import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { ReleaseScheduler } from '../../src/back-office/release/release.scheduler.js';
import { OrdersRepository } from '../../src/orders/orders.repository.js';
import { approvalBody, injectFault } from '../checkout/support/checkout.js';
import { query } from '../support/database.js';
import { ADMIN_KEY } from '../support/stack.js';
import { WebhookReceiver, type ReceivedEvent } from '../support/webhook-receiver.js';
import {
  approvedOrder, createdOrder, decide, loanRequest, deliverDue, endpointEnv, fireEvent, newSecret, orderView, requestedOrder, settleCallbacks,
  startEventsApp, startSecondEventsApp, type EventsApp,
} from './support/events-app.js';

/** What a merchant acts on: the order's status and figures (the history and `updatedAt` grow with internal events). */
const FIELDS = [
  'token', 'orderReference', 'status', 'amount', 'instalments', 'zeroInterestRate', 'fiscalCode', 'apr', 'instalmentAmount',
  'totalRepayment', 'additionalDataNeeded', 'netAmount', 'paymentDayOfMonth', 'redirectUrl', 'createdAt', 'release',
] as const;
const pick = (view: Record<string, unknown>) => Object.fromEntries(FIELDS.map((field) => [field, view[field]]));

describe('Merchant events from real order changes (storefront API, Soisy emulator, loopback receiver)', () => {
  const secret = newSecret();
  let erp: WebhookReceiver;
  let sut: EventsApp;

  beforeAll(async () => {
    erp = await WebhookReceiver.start();
    sut = await startEventsApp(endpointEnv(erp.url, secret));
  });

  afterAll(async () => {
    await sut?.close();
    await erp?.close();
  });

  beforeEach(async () => {
    erp.answerWith(204);
    await deliverDue(sut.app);
    erp.received.length = 0;
  });

  const backOffice = (server: EventsApp) => ({
    get: (path: string) => request(server.stack.url).get(path).set('authorization', `Bearer ${ADMIN_KEY}`),
    post: (path: string, body: object = {}) => request(server.stack.url).post(path).set('authorization', `Bearer ${ADMIN_KEY}`).send(body),
  });
  const recordedTypes = async (token: string) =>
    (await backOffice(sut).get(`/v1/events?orderToken=${token}&limit=100`).expect(200)).body.items.map((item: { type: string }) => item.type).reverse();
  const postsFor = (token: string): ReceivedEvent[] => erp.accepted().filter((post) => post.event.data.token === token);

  it('tells a whole checkout, create to disbursement with a release, in order, signed, each body the order as GET showed it then', async () => {
    const seen: Array<[string, Record<string, unknown>]> = [];
    const snapshot = async (type: string, token: string) => seen.push([type, await orderView(sut, token)]);

    const token = await createdOrder(sut, 120000);
    await snapshot('order.created', token);
    const order = await loanRequest(sut, token, 120000);
    await snapshot('order.requested', order.token);
    expect(await decide(sut, order.token, true)).toBe('approved');
    await snapshot('order.approved', order.token);
    await fireEvent(sut.stack, order.token, 'RequestCompleted');
    await snapshot('order.completed', order.token);
    await backOffice(sut).post(`/v1/orders/${order.token}/release`).expect(200);
    await snapshot('order.release.succeeded', order.token);
    await fireEvent(sut.stack, order.token, 'LoanWasVerified');
    await snapshot('order.verified', order.token);
    await fireEvent(sut.stack, order.token, 'LoanWasDisbursed');
    await snapshot('order.disbursed', order.token);

    expect(await deliverDue(sut.app)).toMatchObject({ retried: 0, failed: 0 });

    const posts = postsFor(order.token);
    expect(posts.map((post) => post.event.type)).toEqual([
      'order.created', 'order.requested', 'order.approved', 'order.completed', 'order.release.succeeded', 'order.verified', 'order.disbursed',
    ]);
    // The merchant's clock is real: this is the first test, before any test moves the fake clock past the 5-minute window.
    const receiver = new Webhook(secret);
    for (const post of posts) {
      // The merchant's own verifier (the library the README shows): signature and timestamp window.
      expect(receiver.verify(post.body, post.headers as Record<string, string>)).toEqual(post.event);
      expect(post.event.id).toBe(post.id);
    }
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
    for (const [type, view] of seen) {
      const post = posts.find((candidate) => candidate.event.type === type)!;
      const expected = pick(view);
      const cause = (post.event.data.events as Array<{ type: string }>).at(-1)!.type;
      if (type === 'order.approved' && cause === 'callback.LoanWasApproved') {
        // Soisy's LoanWasApproved callback was confirmed before the approval's answer was stored: the
        // order entered `approved` then, and the answer's figures came after without a status change.
        for (const field of ['netAmount', 'paymentDayOfMonth', 'redirectUrl']) delete expected[field];
      }
      expect({ type, data: pick(post.event.data) }).toEqual({ type, data: expect.objectContaining(expected) });
    }
    const createdPost = posts[0].event.data;
    expect(createdPost).toMatchObject({ status: 'created', amount: 120000, fiscalCode: null, apr: null });
    expect(posts[1].event.data.fiscalCode).toBe(`${order.fiscalCode.slice(0, 6)}*********${order.fiscalCode.slice(-1)}`);
    // Each body's history ends with the change it reports.
    expect((posts[2].event.data.events as Array<{ type: string; toStatus: string }>).at(-1)).toMatchObject({ toStatus: 'approved' });

    // No personal data beyond the masked code, no secret: neither the order's callback secret nor ours.
    const [{ callbackSecret }] = await query<{ callbackSecret: string }>(sut.db.url, 'SELECT "callbackSecret" FROM orders WHERE token = $1', [order.token]);
    const shopper = approvalBody();
    const sent = posts.map((post) => post.body + JSON.stringify(post.headers)).join('\n');
    for (const value of [order.fiscalCode, shopper.email, shopper.mobilePhone, shopper.lastname, shopper.address, callbackSecret, secret, secret.slice(6), ADMIN_KEY] as string[]) {
      expect(sent).not.toContain(value);
    }
  });

  it('tells release outcomes: scheduled then given up after the configured attempts; unknown when nobody knows', async () => {
    const matchTrigger = '/shops/partnershop/orders/*/match-trigger';
    const scheduled = await approvedOrder(sut);
    await injectFault(sut.stack, { method: 'POST', path: matchTrigger, times: 3, fault: { type: 'status', status: 429 } });
    await backOffice(sut).post(`/v1/orders/${scheduled.token}/release`, { releaseAt: new Date(sut.clock.now().getTime() + 60_000).toISOString() }).expect(202);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      sut.clock.advance(10 * 60_000);
      await sut.app.get(ReleaseScheduler).runOnce();
    }
    const unknown = await approvedOrder(sut);
    await injectFault(sut.stack, { method: 'POST', path: matchTrigger, times: 1, fault: { type: 'status', status: 500 }, afterProcessing: true });
    await backOffice(sut).post(`/v1/orders/${unknown.token}/release`).expect(502);

    await deliverDue(sut.app);
    // Failed attempts that will be retried are internal: the merchant hears the schedule and the outcome.
    expect(postsFor(scheduled.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.release.scheduled', 'order.release.failed']);
    expect(postsFor(unknown.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.release.unknown']);

    // Each release event says what it is about: the release block, as GET /v1/orders/{token} shows it.
    const releaseOf = (token: string, type: string) => postsFor(token).find((post) => post.event.type === type)!.event.data.release;
    expect(releaseOf(scheduled.token, 'order.created')).toEqual({ status: 'none', amount: null, releasedAt: null, resolvedByOperator: false });
    expect(releaseOf(scheduled.token, 'order.release.failed')).toMatchObject({ status: 'failed', releasedAt: null, resolvedByOperator: false });
    const orderAmount = postsFor(unknown.token)[0].event.data.amount;
    expect(releaseOf(unknown.token, 'order.release.unknown')).toEqual({ status: 'unknown', amount: orderAmount, releasedAt: null, resolvedByOperator: false });
    // An operator settles it: releasedAt is the time of the resolution, and the event says an operator decided it.
    sut.clock.advance(60_000);
    const resolvedAt = sut.clock.now().toISOString();
    await backOffice(sut).post(`/v1/orders/${unknown.token}/release/resolution`, { outcome: 'released', note: 'Confirmed by Soisy partner support' }).expect(200);
    await deliverDue(sut.app);
    const resolved = { status: 'released', amount: orderAmount, releasedAt: resolvedAt, resolvedByOperator: true };
    expect(releaseOf(unknown.token, 'order.release.succeeded')).toEqual(resolved);
    expect((await orderView(sut, unknown.token)).release).toEqual(resolved);
  });

  it('tells a refusal once, as the status the storefront was answered, and nothing more', async () => {
    const order = await requestedOrder(sut, 1_200_000);
    // Soisy refuses and at once sends UserWasRejected ("payment failed"), which the core reads as
    // `cancelled`. Usually the approval's answer is stored first (`refused`, final: the callback
    // then changes nothing); when the callback's confirmation wins the race the order is
    // `cancelled` and the approval answers that. Either way the merchant is told exactly one
    // outcome, the one the storefront saw.
    const status = await decide(sut, order.token, false, true);
    expect(['refused', 'cancelled']).toContain(status);
    await deliverDue(sut.app);
    expect(postsFor(order.token).map((post) => [post.event.type, post.event.data.status])).toEqual([
      ['order.created', 'created'], ['order.requested', 'requested'], [`order.${status}`, status],
    ]);
    expect(await recordedTypes(order.token)).toEqual(['order.created', 'order.requested', `order.${status}`]);
    expect((await orderView(sut, order.token)).status).toBe(status);
  });

  it('tells a cancellation by Soisy after the approval', async () => {
    const order = await approvedOrder(sut);
    await fireEvent(sut.stack, order.token, 'UserWasRejected');
    await deliverDue(sut.app);
    expect(postsFor(order.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.cancelled']);
    expect(postsFor(order.token).at(-1)!.event.data.status).toBe('cancelled');
  });

  it('tells a disbursement whose amount differs from the order, as a flag beside the status change', async () => {
    const order = await approvedOrder(sut, 100000);
    await fireEvent(sut.stack, order.token, 'LoanWasDisbursed', { amount: 90000 });
    await deliverDue(sut.app);
    const types = postsFor(order.token).map((post) => post.event.type);
    // The flag is recorded with the callback, before Get order confirms the disbursement.
    expect(types).toEqual(['order.created', 'order.requested', 'order.approved', 'order.amount_mismatch', 'order.disbursed']);
    const flag = postsFor(order.token).find((post) => post.event.type === 'order.amount_mismatch')!;
    // The merchant sees the order's own amount; the reported one is for the back office (GET /v1/orders).
    expect(flag.event.data).toMatchObject({ token: order.token, amount: 100000 });
  });

  it('tells a callback Soisy sends twice (same event, same date) once', async () => {
    const order = await approvedOrder(sut);
    await fireEvent(sut.stack, order.token, 'RequestCompleted', { eventDate: '2026-11-22 10:00:00' });
    await fireEvent(sut.stack, order.token, 'RequestCompleted', { eventDate: '2026-11-22 10:00:00' });
    // And the approval's own LoanWasApproved, repeated: the order is already approved.
    await fireEvent(sut.stack, order.token, 'LoanWasApproved');
    await deliverDue(sut.app);
    expect(postsFor(order.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.completed']);
    expect(await recordedTypes(order.token)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.completed']);
  });

  it('tells nothing of a change that did not happen: refused as illegal, older than the order, or rolled back', async () => {
    const order = await approvedOrder(sut);
    const before = await recordedTypes(order.token);
    const [{ id }] = await query<{ id: string }>(sut.db.url, 'SELECT id FROM orders WHERE token = $1', [order.token]);

    // A loan request on a decided order: 409, no transition.
    const again = await request(sut.stack.url).post(`/v1/orders/${order.token}/loan-request`).send({ instalments: 12, privacy: true, fiscalCode: order.fiscalCode, jobDescription: 'employee_open_ended_contract' });
    expect(again.status).toBe(409);
    // Soisy's callback of a state the order is already past (the emulator's status goes back; ours must not).
    await fireEvent(sut.stack, order.token, 'LoanWasVerified');
    await fireEvent(sut.stack, order.token, 'RequestCompleted');
    // The core refuses an illegal transition, and rolls back a legal one whose transaction fails.
    const orders = sut.app.get(OrdersRepository);
    await expect(orders.transition(id, { to: 'created', source: 'api', type: 'test.illegal' })).rejects.toMatchObject({ code: 'ORDER.ILLEGAL_TRANSITION' });
    await expect(orders.transition(id, { to: 'disbursed', source: 'sync', type: 'sync' }, async () => {
      throw new Error('the rest of the change failed');
    })).rejects.toThrow('the rest of the change failed');

    expect((await orderView(sut, order.token)).status).toBe('verified');
    expect(await recordedTypes(order.token)).toEqual([...before, 'order.verified']);
    await deliverDue(sut.app);
    expect(postsFor(order.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved', 'order.verified']);
    const internal = await query<{ type: string }>(sut.db.url, `SELECT type FROM order_events WHERE "orderId" = $1 AND type IN ('test.illegal', 'sync')`, [id]);
    expect(internal).toEqual([]);
  });

  it('delivers each event once when two instances on one database run delivery at the same time', async () => {
    const second = await startSecondEventsApp(sut, { ...endpointEnv(erp.url, secret), MERCHANT_EVENTS_BATCH_SIZE: '2' });
    try {
      const orders = [];
      // Half the orders are made through each instance: events come from both.
      for (let n = 0; n < 6; n += 1) orders.push(await approvedOrder(n % 2 === 0 ? sut : second));
      await Promise.all([deliverDue(sut.app), deliverDue(second.app), deliverDue(sut.app), deliverDue(second.app)]);

      const ids = erp.received.map((post) => post.id);
      expect(ids).toHaveLength(18);
      expect(new Set(ids).size).toBe(18);
      for (const order of orders) expect(postsFor(order.token).map((post) => post.event.type)).toEqual(['order.created', 'order.requested', 'order.approved']);
    } finally {
      await second.close();
    }
  });

  it('records events with no delivery on an instance that has no endpoint configured, and sends nothing', async () => {
    const silent = await startSecondEventsApp(sut, {});
    try {
      const token = await createdOrder(silent);
      await settleCallbacks(sut.stack);
      const [event] = (await backOffice(silent).get(`/v1/events?orderToken=${token}`).expect(200)).body.items;
      expect(event).toMatchObject({ type: 'order.created', orderToken: token, deliveries: [] });
      expect(await deliverDue(silent.app)).toMatchObject({ attempted: 0 });
      expect(erp.received).toEqual([]);
    } finally {
      await silent.close();
    }
  });
});
