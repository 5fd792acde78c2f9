import request from 'supertest';
import { query } from '../support/database.js';
import type { Stack } from '../support/stack.js';
import { backOffice, callbackUrlOf, fireEvent, orderOf, settleCallbacks, startBackOfficeStack } from './support/back-office.js';
import { approvedOrder, createdOrder } from './support/checkout.js';

const statusOf = async (stack: Stack, token: string) => (await orderOf(stack, token)).status;
/** The callback events an order gets from now on (the approval's own LoanWasApproved is past). */
async function watchCallbacks(stack: Stack, token: string): Promise<() => Promise<string[]>> {
  const before = (await orderOf(stack, token)).events.length;
  return async () => (await orderOf(stack, token)).events.slice(before).filter((event) => event.source === 'callback').map((event) => event.type);
}

describe("Soisy's callbacks", () => {
  let stack: Stack;
  beforeAll(async () => {
    ({ stack } = await startBackOfficeStack());
  });
  afterAll(() => stack.close());

  it('take an order from created to disbursed through the emulator alone', async () => {
    const token = await createdOrder(stack);
    const seen: string[] = [];
    for (const eventId of ['LoanWasApproved', 'RequestCompleted', 'LoanWasVerified', 'LoanWasDisbursed']) {
      await fireEvent(stack, token, eventId);
      seen.push(await statusOf(stack, token));
    }
    expect(seen).toEqual(['approved', 'completed', 'verified', 'disbursed']);
    const moves = (await orderOf(stack, token)).events.filter((event) => event.source === 'callback' && event.toStatus);
    expect(moves.map((event) => [event.type, event.fromStatus, event.toStatus])).toEqual([
      ['callback.LoanWasApproved', 'created', 'approved'],
      ['callback.RequestCompleted', 'approved', 'completed'],
      ['callback.LoanWasVerified', 'completed', 'verified'],
      ['callback.LoanWasDisbursed', 'verified', 'disbursed'],
    ]);
    const delivered = await settleCallbacks(stack);
    expect(delivered.filter((callback) => callback.orderToken === token).map((callback) => callback.responseStatus)).toEqual([200, 200, 200, 200]);
  });

  it('cancel an order when Soisy rejects the shopper', async () => {
    const token = await approvedOrder(stack);
    await fireEvent(stack, token, 'UserWasRejected');
    expect(await statusOf(stack, token)).toBe('cancelled');
  });

  it('process a repeated event once and still answer it 200', async () => {
    const token = await approvedOrder(stack);
    const callbackEvents = await watchCallbacks(stack, token);
    await fireEvent(stack, token, 'RequestCompleted', { eventDate: '2026-11-22 10:00:00' });
    await fireEvent(stack, token, 'RequestCompleted', { eventDate: '2026-11-22 10:00:00' });
    const delivered = (await settleCallbacks(stack)).filter((callback) => callback.orderToken === token && callback.eventId === 'RequestCompleted');
    expect(delivered.map((callback) => callback.responseStatus)).toEqual([200, 200]);
    expect(await callbackEvents()).toEqual(['callback.received', 'callback.RequestCompleted']);
    const [{ count }] = await query<{ count: string }>(stack.db.url, `SELECT count(*) FROM received_callbacks WHERE "orderToken" = $1 AND "eventId" = 'RequestCompleted'`, [token]);
    expect(Number(count)).toBe(1);
  });

  it('never move an order back when an older event arrives after a newer one', async () => {
    const token = await approvedOrder(stack);
    const callbackEvents = await watchCallbacks(stack, token);
    await fireEvent(stack, token, 'LoanWasVerified');
    expect(await statusOf(stack, token)).toBe('verified');
    // Soisy's own status went back too (the emulator follows the event); ours must not.
    await fireEvent(stack, token, 'RequestCompleted');
    expect(await statusOf(stack, token)).toBe('verified');
    expect(await callbackEvents()).toEqual([
      'callback.received', 'callback.LoanWasVerified', 'callback.received', 'callback.RequestCompleted.not_applied',
    ]);
  });

  it('move an order only as far as Get order confirms, whatever the callback claims', async () => {
    const token = await approvedOrder(stack);
    const callbackEvents = await watchCallbacks(stack, token);
    const url = await callbackUrlOf(stack, token);
    const res = await request(url).post('').type('form').send({ eventId: 'LoanWasDisbursed', eventDate: '2026-11-22 11:00:00', orderToken: token, amount: '100000' });
    expect(res.status).toBe(200);
    await settleCallbacks(stack);
    expect(await statusOf(stack, token)).toBe('approved');
    expect(await callbackEvents()).toEqual(['callback.received', 'callback.LoanWasDisbursed.unchanged']);
  });

  it('flag a disbursement whose amount differs from the order, visibly, without accepting it silently', async () => {
    const token = await approvedOrder(stack, 100000);
    const callbackEvents = await watchCallbacks(stack, token);
    await fireEvent(stack, token, 'LoanWasDisbursed', { amount: 90000 });
    const [row] = await query<{ statusDetail: string; status: string }>(stack.db.url, 'SELECT "statusDetail", status FROM orders WHERE token = $1', [token]);
    expect(row.statusDetail).toMatch(/90000 cents.*100000 cents/);
    expect(await callbackEvents()).toContain('callback.amount_mismatch');
    const [event] = await query<{ data: Record<string, number> }>(stack.db.url, `SELECT data FROM order_events WHERE type = 'callback.amount_mismatch'`);
    expect(event.data).toMatchObject({ reportedAmount: 90000, expectedAmount: 100000 });
    const list = await backOffice(stack).get('/v1/orders?limit=100').expect(200);
    expect(list.body.items.find((item: { token: string }) => item.token === token).statusDetail).toMatch(/check with Soisy/);
  });

  it('answer a wrong secret with a bare 404 and change nothing', async () => {
    const token = await approvedOrder(stack);
    const callbackEvents = await watchCallbacks(stack, token);
    const res = await request(stack.url).post('/v1/soisy/callbacks/not-the-secret').type('form')
      .send({ eventId: 'RequestCompleted', eventDate: '2026-11-22 10:00:00', orderToken: token });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('Not found.');
    expect(await callbackEvents()).toEqual([]);
  });

  it("answer a secret used with another order's token with the same bare 404", async () => {
    const mine = await approvedOrder(stack);
    const other = await approvedOrder(stack);
    const [mineEvents, otherEvents] = [await watchCallbacks(stack, mine), await watchCallbacks(stack, other)];
    const res = await request(await callbackUrlOf(stack, mine)).post('').type('form')
      .send({ eventId: 'UserWasRejected', eventDate: '2026-11-22 10:00:00', orderToken: other });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('Not found.');
    expect(await otherEvents()).toEqual([]);
    expect(await mineEvents()).toEqual([]);
  });

  it('refuse malformed payloads with 400 naming the field, never 500', async () => {
    const token = await approvedOrder(stack);
    const url = await callbackUrlOf(stack, token);
    const bad = [
      { eventDate: '2026-11-22 10:00:00', orderToken: token },
      { eventId: 'Loan Was; Verified', eventDate: '2026-11-22 10:00:00', orderToken: token },
      { eventId: 'LoanWasDisbursed', eventDate: '2026-11-22 10:00:00', orderToken: token, amount: 'ten' },
      { eventId: 'LoanWasVerified', orderToken: token },
    ];
    for (const body of bad) {
      const res = await request(url).post('').type('form').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toEqual(expect.any(String));
    }
    const json = await request(url).post('').set('content-type', 'application/json').send('[1, 2]');
    expect(json.status).toBe(400);
    const broken = await request(url).post('').set('content-type', 'application/json').send('{"eventId": ');
    expect(broken.status).toBe(400);
  });

  it('accept JSON as well as forms, and ignore fields Soisy may add', async () => {
    const token = await approvedOrder(stack);
    const res = await request(await callbackUrlOf(stack, token)).post('')
      .send({ eventId: 'RequestCompleted', eventDate: '2026-11-22 12:00:00', orderToken: token, somethingNew: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, duplicate: false });
  });

  it('never put the callback secret in an answer', async () => {
    const token = await approvedOrder(stack);
    const secret = (await callbackUrlOf(stack, token)).split('/').pop()!;
    const list = await backOffice(stack).get('/v1/orders?limit=100');
    const sync = await backOffice(stack).post(`/v1/orders/${token}/sync`);
    const view = await request(stack.url).get(`/v1/orders/${token}`);
    for (const res of [list, sync, view]) expect(JSON.stringify(res.body)).not.toContain(secret);
  });
});
