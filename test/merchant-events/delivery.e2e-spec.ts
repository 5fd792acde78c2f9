import request from 'supertest';
import { appendMerchantEvent } from '../../src/orders/outbox/index.js';
import { toOrderView } from '../../src/orders/order-view.mapper.js';
import { PrismaService } from '../../src/prisma/prisma.service.js';
import { query } from '../support/database.js';
import { ADMIN_KEY } from '../support/stack.js';
import { signedWith, WebhookReceiver } from '../support/webhook-receiver.js';
import { checkoutThroughApproval, deliverDue, FISCAL_CODE, insertOrder, moveOrder, newSecret, startEventsApp, type EventsApp } from './support/events-app.js';

const HOUR = 3_600_000;

describe('Merchant events: delivery', () => {
  const oldSecret = newSecret();
  const newSecretValue = newSecret();
  const approvedSecret = newSecret();
  let erp: WebhookReceiver;
  let approvedOnly: WebhookReceiver;
  let sut: EventsApp;

  beforeAll(async () => {
    erp = await WebhookReceiver.start();
    approvedOnly = await WebhookReceiver.start();
    sut = await startEventsApp({
      MERCHANT_EVENTS_ENDPOINT_1_URL: erp.url,
      MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${oldSecret} ${newSecretValue}`,
      MERCHANT_EVENTS_ENDPOINT_2_URL: approvedOnly.url,
      MERCHANT_EVENTS_ENDPOINT_2_SECRETS: approvedSecret,
      MERCHANT_EVENTS_ENDPOINT_2_TYPES: 'order.approved',
      MERCHANT_EVENTS_TIMEOUT_MS: '300',
    });
  });

  afterAll(async () => {
    await sut?.close();
    await erp?.close();
    await approvedOnly?.close();
  });

  // Each test starts with a healthy receiver and nothing due (what an earlier test left is sent first).
  beforeEach(async () => {
    await erp.up();
    erp.answerWith(204);
    await deliverDue(sut.app);
    erp.received.length = 0;
    approvedOnly.received.length = 0;
  });

  const detail = (id: string) => request(sut.app.getHttpServer()).get(`/v1/events/${id}`).set('authorization', `Bearer ${ADMIN_KEY}`).expect(200);

  it('delivers each order\'s events in order, signed with both active secrets, only the subscribed types to each endpoint', async () => {
    const first = await insertOrder(sut.app);
    const second = await insertOrder(sut.app);
    await moveOrder(sut.app, first.id, 'created', 'order.created');
    await moveOrder(sut.app, second.id, 'created', 'order.created');
    await moveOrder(sut.app, first.id, 'requested', 'loan_request.created');
    await moveOrder(sut.app, second.id, 'requested', 'loan_request.created');
    await moveOrder(sut.app, first.id, 'approved', 'approval.approved');
    await moveOrder(sut.app, second.id, 'refused', 'approval.refused');
    await moveOrder(sut.app, first.id, null, 'release.attempt_started');

    const report = await deliverDue(sut.app);

    expect(report).toMatchObject({ delivered: 7, retried: 0, failed: 0 });
    expect(erp.typesFor(first.token)).toEqual(['order.created', 'order.requested', 'order.approved']);
    expect(erp.typesFor(second.token)).toEqual(['order.created', 'order.requested', 'order.refused']);
    expect(approvedOnly.accepted().map((post) => [post.event.type, post.event.data.token])).toEqual([['order.approved', first.token]]);
    for (const post of erp.accepted()) {
      expect(signedWith(post, oldSecret) && signedWith(post, newSecretValue)).toBe(true);
      expect(post.headers['content-type']).toBe('application/json');
    }
    expect(signedWith(approvedOnly.accepted()[0], approvedSecret)).toBe(true);
    const approved = erp.accepted().find((post) => post.event.type === 'order.approved')!;
    expect(approved.event.data).toMatchObject({ token: first.token, status: 'approved', amount: 120000, fiscalCode: 'RSSMRA*********S' });
    expect(approved.event.createdAt).toBe(sut.clock.now().toISOString());
  });

  it('sends no unmasked personal data and no secret', async () => {
    const order = await insertOrder(sut.app);
    await checkoutThroughApproval(sut.app, order.id);
    await deliverDue(sut.app);
    const [row] = await query<{ callbackSecret: string }>(sut.db.url, 'SELECT "callbackSecret" FROM orders WHERE id = $1', [order.id]);
    const everything = erp.received.map((post) => post.body + JSON.stringify(post.headers)).join('\n');
    expect(erp.typesFor(order.token)).toHaveLength(3);
    for (const secret of [FISCAL_CODE, row.callbackSecret, oldSecret, newSecretValue, oldSecret.slice(6), newSecretValue.slice(6), ADMIN_KEY]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('records nothing when the transaction that appended the event rolls back', async () => {
    const order = await insertOrder(sut.app);
    await expect(sut.app.get(PrismaService).$transaction(async (tx) => {
      await tx.order.update({ where: { id: order.id }, data: { status: 'created' } });
      const row = await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
      await appendMerchantEvent(tx, { orderId: order.id, orderToken: order.token, type: 'order.created', data: toOrderView(row) }, { endpoints: [], now: sut.clock.now() });
      throw new Error('the change failed after its event was written');
    })).rejects.toThrow('the change failed');
    expect(await query(sut.db.url, 'SELECT 1 FROM merchant_events WHERE "orderToken" = $1', [order.token])).toEqual([]);
    expect(await query(sut.db.url, 'SELECT 1 FROM merchant_event_deliveries WHERE "orderId" = $1', [order.id])).toEqual([]);
  });

  it('records the event with no delivery when no endpoint is configured', async () => {
    const order = await insertOrder(sut.app, 'created');
    const appended = await sut.app.get(PrismaService).$transaction(async (tx) => {
      const row = await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
      return appendMerchantEvent(tx, { orderId: order.id, orderToken: order.token, type: 'order.created', data: toOrderView(row) }, { endpoints: [], now: sut.clock.now() });
    });
    expect(appended.deliveries).toBe(0);
    expect((await detail(appended.id)).body).toMatchObject({ id: appended.id, type: 'order.created', deliveries: [] });
  });

  it('holds an order\'s later events while an earlier one is retried, without holding up other orders; then delivers them all, in order', async () => {
    const failing = await insertOrder(sut.app);
    const healthy = await insertOrder(sut.app);
    erp.answerWith((post) => (post.event.data.token === failing.token ? 500 : 204));
    await checkoutThroughApproval(sut.app, failing.id);
    await checkoutThroughApproval(sut.app, healthy.id);

    expect(await deliverDue(sut.app)).toMatchObject({ delivered: 5, retried: 1 });
    expect(erp.typesFor(healthy.token)).toEqual(['order.created', 'order.requested', 'order.approved']);
    expect(erp.received.filter((post) => post.event.data.token === failing.token).map((post) => post.event.type)).toEqual(['order.created']);

    sut.clock.advance(60_000);
    expect(await deliverDue(sut.app)).toMatchObject({ retried: 1, delivered: 0 });
    erp.answerWith(204);
    sut.clock.advance(2 * 60_000);
    expect(await deliverDue(sut.app)).toMatchObject({ delivered: 3, retried: 0 });
    expect(erp.typesFor(failing.token)).toEqual(['order.created', 'order.requested', 'order.approved']);

    const created = erp.accepted().find((post) => post.event.data.token === failing.token)!;
    const { body } = await detail(created.id);
    expect(body.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(body.deliveries[0].attemptLog.map((attempt: { statusCode: number | null; errorClass: string | null }) => [attempt.statusCode, attempt.errorClass]))
      .toEqual([[500, 'http_500'], [500, 'http_500'], [204, null]]);
    expect(erp.received.filter((post) => post.id === created.id).every((post) => post.body === created.body)).toBe(true);
  });

  it('gets the same events, none lost or reordered, to a receiver that timed out, then was down, once it recovers', async () => {
    const order = await insertOrder(sut.app);
    erp.answerWith('hang');
    await checkoutThroughApproval(sut.app, order.id);
    expect(await deliverDue(sut.app)).toMatchObject({ retried: 1 });
    await erp.down();
    sut.clock.advance(60_000);
    expect(await deliverDue(sut.app)).toMatchObject({ retried: 1 });
    await erp.up();
    erp.answerWith(204);
    sut.clock.advance(5 * 60_000);
    expect(await deliverDue(sut.app)).toMatchObject({ delivered: 3 });

    expect(erp.typesFor(order.token)).toEqual(['order.created', 'order.requested', 'order.approved']);
    const { body } = await detail(erp.accepted().find((post) => post.event.data.token === order.token)!.id);
    expect(body.deliveries[0].attemptLog.map((attempt: { errorClass: string | null }) => attempt.errorClass)).toEqual(['timeout', 'connection_refused', null]);
  });

  it('retries for at least three days, then marks the delivery failed; a resend delivers it with the same id', async () => {
    const order = await insertOrder(sut.app);
    erp.answerWith((post) => (post.event.data.token === order.token ? 503 : 204));
    await moveOrder(sut.app, order.id, 'created', 'order.created');
    const start = sut.clock.now().getTime();
    let report;
    do {
      report = await deliverDue(sut.app);
      sut.clock.advance(HOUR);
    } while (report.failed === 0 && sut.clock.now().getTime() - start < 100 * HOUR);
    const posts = erp.received.filter((post) => post.event.data.token === order.token);
    const { body } = await detail(posts[0].id);
    expect(body.deliveries[0]).toMatchObject({ status: 'failed', lastError: 'http_503', nextAttemptAt: null });
    const attempts = body.deliveries[0].attemptLog as { at: string }[];
    expect(Date.parse(attempts.at(-1)!.at) - Date.parse(attempts[0].at)).toBeGreaterThanOrEqual(72 * HOUR);
    expect(new Set(posts.map((post) => post.id)).size).toBe(1);

    erp.answerWith(204);
    await request(sut.app.getHttpServer()).post(`/v1/events/${posts[0].id}/resend`).set('authorization', `Bearer ${ADMIN_KEY}`).expect(202);
    await deliverDue(sut.app);
    expect(erp.accepted().map((post) => post.id)).toEqual([posts[0].id]);
    expect(erp.accepted()[0].body).toBe(posts[0].body);
  });

  it('delivers each event once with two instances running delivery at the same time', async () => {
    const second = await startEventsApp({
      MERCHANT_EVENTS_ENDPOINT_1_URL: erp.url,
      MERCHANT_EVENTS_ENDPOINT_1_SECRETS: `${oldSecret} ${newSecretValue}`,
      MERCHANT_EVENTS_ENDPOINT_2_URL: approvedOnly.url,
      MERCHANT_EVENTS_ENDPOINT_2_SECRETS: approvedSecret,
      MERCHANT_EVENTS_ENDPOINT_2_TYPES: 'order.approved',
      MERCHANT_EVENTS_BATCH_SIZE: '3',
    }, { db: sut.db, clock: sut.clock });
    try {
      const orders = await Promise.all(Array.from({ length: 12 }, () => insertOrder(sut.app)));
      for (const order of orders) await checkoutThroughApproval(sut.app, order.id);
      await Promise.all([deliverDue(sut.app), deliverDue(second.app), deliverDue(sut.app), deliverDue(second.app)]);

      const ids = erp.received.map((post) => post.id);
      expect(ids).toHaveLength(36);
      expect(new Set(ids).size).toBe(36);
      expect(approvedOnly.received).toHaveLength(12);
      for (const order of orders) expect(erp.typesFor(order.token)).toEqual(['order.created', 'order.requested', 'order.approved']);
    } finally {
      await second.close();
    }
  });
});
