import request from 'supertest';
import type { OrderViewDto } from '../../src/orders/order-view.dto.js';
import { createTestDatabase, query, type TestDatabase } from '../support/database.js';
import { endpointEnv, newSecret } from '../support/merchant-events.js';
import { startPgRoundTripCounter, type PgRoundTripCounter } from '../support/pg-round-trips.js';
import { startStack, type Stack } from '../support/stack.js';
import { approvalBody, injectFault, loanRequestBody, orderBody } from './support/checkout.js';

/**
 * Issue 10: the PostgreSQL round trips of a create order, counted on the wire between the service
 * and the server (test/support/pg-round-trips.ts), with a merchant endpoint subscribed so the
 * `order.created` merchant event and its delivery are written too. The scheduled jobs are off, so
 * only the request talks to the database.
 */
describe('database round trips of a create order', () => {
  let counter: PgRoundTripCounter;
  let db: TestDatabase;
  let stack: Stack;

  beforeAll(async () => {
    counter = await startPgRoundTripCounter();
    db = await createTestDatabase();
    const url = new URL(db.url);
    url.port = String(counter.port);
    // Soisy's callbacks are sent to a closed port: only the requests under test talk to the database.
    stack = await startStack({ DATABASE_URL: url.toString(), SCHEDULER_ENABLED: 'false', PUBLIC_BASE_URL: 'http://127.0.0.1:9', ...endpointEnv('http://127.0.0.1:9/hooks', newSecret()) });
    // The pool's connection is opened (and its start-up not counted) by a first order.
    await request(stack.url).post('/v1/orders').set('Idempotency-Key', 'warm-up').send(orderBody()).expect(201);
  });
  afterAll(async () => {
    await stack?.close();
    await db?.drop();
    await counter?.close();
  });

  it('stores a new order with its key, events, merchant event and delivery in at most 4 round trips', async () => {
    const body = orderBody();
    counter.reset();
    const res = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `key-${String(body.orderReference)}`).send(body).expect(201);
    // Issue 10's bound; today it is 2: the pending row with its key and event, then the outcome with everything else.
    expect(counter.roundTrips()).toBeLessThanOrEqual(4);
    // No interactive transaction, and nothing parsed again: each round trip is one statement that
    // commits on its own, prepared on the connection by the warm-up order (src/prisma/prepared-statements.ts).
    expect(counter.statements()).toEqual([]);

    // The same rows as ever: the order created, its history, the merchant event and its delivery, the answer stored.
    const [order] = await query<{ id: string; status: string; token: string }>(db.url, 'SELECT id, status, token FROM orders WHERE "orderReference" = $1', [body.orderReference]);
    expect(order).toMatchObject({ status: 'created', token: res.body.token });
    const events = await query<{ type: string }>(db.url, 'SELECT type FROM order_events WHERE "orderId" = $1 ORDER BY "createdAt", id', [order!.id]);
    expect(events.map((event) => event.type)).toEqual(['order.creation_started', 'order.created']);
    const merchant = await query<{ type: string; deliveries: string }>(db.url,
      'SELECT type, (SELECT count(*) FROM merchant_event_deliveries d WHERE d."eventId" = e.id) AS deliveries FROM merchant_events e WHERE "orderId" = $1', [order!.id]);
    expect(merchant).toEqual([{ type: 'order.created', deliveries: '1' }]);
    const [record] = await query<{ responseStatus: number; responseBody: unknown }>(db.url,
      'SELECT "responseStatus", "responseBody" FROM idempotency_records WHERE key = $1', [`key-${String(body.orderReference)}`]);
    expect(record).toEqual({ responseStatus: 201, responseBody: res.body });

    // The merchant event's payload, built in the statement, is the order view the API shows.
    await expectPayloadIsTheView(order!.id, res.body.token);
  });

  it('tells the merchant the whole history when a refused creation is retried and then created', async () => {
    await injectFault(stack, { method: 'POST', path: '/shops/*/orders', fault: { type: 'status', status: 400, body: { errors: { amount: ['Importo non valido'] } } } });
    const body = orderBody();
    await request(stack.url).post('/v1/orders').set('Idempotency-Key', `refused-${String(body.orderReference)}`).send(body).expect(400);
    const res = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `retried-${String(body.orderReference)}`).send(body).expect(201);
    const [order] = await query<{ id: string }>(db.url, 'SELECT id FROM orders WHERE "orderReference" = $1', [body.orderReference]);
    const payload = await expectPayloadIsTheView(order!.id, res.body.token);
    expect(payload.data.events.map((event) => event.type))
      .toEqual(['order.creation_started', 'order.creation_refused', 'order.creation_retried', 'order.created']);
    // And the key replays the answer.
    const replay = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `retried-${String(body.orderReference)}`).send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(res.body);
  });

  it('takes a loan request and an approval in 3 round trips each: the order read, the claim, the outcome with its events', async () => {
    const res = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `steps-${Date.now()}`).send(orderBody()).expect(201);
    const token = res.body.token as string;
    counter.reset();
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody()).expect(201);
    // Was 11: the read, the claim, a second read, then BEGIN, lock, update, event, the outbox's lock, merchant event, claim freed, COMMIT.
    expect(counter.roundTrips()).toBeLessThanOrEqual(3);
    counter.reset();
    const approval = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
    expect(approval.status).toBe(200);
    expect(counter.roundTrips()).toBeLessThanOrEqual(3);

    // The same rows as the transaction wrote: the figures, the claim freed, the events, each merchant event's view.
    const [order] = await query<{ id: string; status: string; stepClaim: string | null; netAmountCents: number }>(db.url,
      'SELECT id, status, "stepClaim", "netAmountCents" FROM orders WHERE token = $1', [token]);
    expect(order).toMatchObject({ status: 'approved', stepClaim: null, netAmountCents: approval.body.netAmount });
    const events = await query<{ type: string }>(db.url, 'SELECT type FROM order_events WHERE "orderId" = $1 ORDER BY "createdAt", id', [order!.id]);
    expect(events.map((event) => event.type)).toEqual(['order.creation_started', 'order.created', 'loan_request.created', 'approval.approved']);
    const merchant = await query<{ type: string; status: string }>(db.url,
      'SELECT type, payload->\'data\'->>\'status\' AS status FROM merchant_events WHERE "orderId" = $1 ORDER BY sequence', [order!.id]);
    expect(merchant.map((event) => `${event.type}:${event.status}`)).toEqual(['order.created:created', 'order.requested:requested', 'order.approved:approved']);
    const [last] = await query<{ payload: { data: OrderViewDto } }>(db.url, 'SELECT payload FROM merchant_events WHERE "orderId" = $1 ORDER BY sequence DESC LIMIT 1', [order!.id]);
    expect(last!.payload.data).toEqual((await request(stack.url).get(`/v1/orders/${token}`).expect(200)).body);
  });

  it('lets concurrent create orders share statements and commits, each answer still its own and replayable', async () => {
    const bodies = Array.from({ length: 24 }, () => orderBody());
    counter.reset();
    const answers = await Promise.all(bodies.map((body) => request(stack.url).post('/v1/orders').set('Idempotency-Key', `burst-${String(body.orderReference)}`).send(body)));
    expect(answers.map((res) => res.status)).toEqual(Array(24).fill(201));
    // Fewer than the 48 round trips of 24 orders alone: the ones that found the 4 statement slots taken went out together.
    expect(counter.roundTrips()).toBeLessThan(48);
    const references = bodies.map((body) => body.orderReference as string);
    const rows = await query<{ xid: string }>(db.url, 'SELECT DISTINCT xmin::text AS xid FROM orders WHERE "orderReference" = ANY($1)', [references]);
    expect(rows.length).toBeLessThan(24);
    for (const [index, res] of answers.entries()) {
      expect(res.body).toMatchObject({ orderReference: references[index], status: 'created' });
      const [order] = await query<{ id: string }>(db.url, 'SELECT id FROM orders WHERE token = $1', [res.body.token]);
      await expectPayloadIsTheView(order!.id, res.body.token);
      const replay = await request(stack.url).post('/v1/orders').set('Idempotency-Key', `burst-${references[index]}`).send(bodies[index]!).expect(201);
      expect(replay.body).toEqual(res.body);
    }
  });

  async function expectPayloadIsTheView(orderId: string, token: string) {
    const [event] = await query<{ id: string; type: string; payload: { id: string; type: string; createdAt: string; data: OrderViewDto } }>(
      db.url, 'SELECT id, type, payload FROM merchant_events WHERE "orderId" = $1', [orderId]);
    const view = await request(stack.url).get(`/v1/orders/${token}`).expect(200);
    expect(event!.payload).toEqual({ id: event!.id, type: 'order.created', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), data: view.body });
    return event!.payload;
  }
});
