import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { MERCHANT_EVENT_TYPES } from '../../src/common/merchant-event-types.js';
import { ADMIN_KEY } from '../support/stack.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { approvedOrder, cancelByRejection, deliverDue, newSecret, startEventsApp, type CheckoutOrder, type EventsApp } from './support/events-app.js';

describe('Merchant events: back-office routes', () => {
  let erp: WebhookReceiver;
  let sut: EventsApp;
  const orders: CheckoutOrder[] = [];

  beforeAll(async () => {
    erp = await WebhookReceiver.start();
    sut = await startEventsApp({
      // Only approvals and cancellations are sent: the other types are recorded and listed, sent nowhere.
      MERCHANT_EVENTS_ENDPOINT_1_URL: `${erp.url}?token=endpoint-credential`,
      MERCHANT_EVENTS_ENDPOINT_1_SECRETS: newSecret(),
      MERCHANT_EVENTS_ENDPOINT_1_TYPES: 'order.approved,order.cancelled',
    });
    for (let n = 0; n < 3; n += 1) orders.push(await approvedOrder(sut));
  });

  afterAll(async () => {
    await sut?.close();
    await erp?.close();
  });

  const get = (path: string) => request(sut.app.getHttpServer()).get(path).set('authorization', `Bearer ${ADMIN_KEY}`);
  const post = (path: string) => request(sut.app.getHttpServer()).post(path).set('authorization', `Bearer ${ADMIN_KEY}`);

  it('answers 401 problem+json without the back-office key, on every route', async () => {
    const server = sut.app.getHttpServer();
    for (const call of [request(server).get('/v1/events'), request(server).get(`/v1/events/${crypto.randomUUID()}`), request(server).post(`/v1/events/${crypto.randomUUID()}/resend`)]) {
      const res = await call.set('authorization', 'Bearer not-the-key-0123456789').expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('AUTH.UNAUTHORIZED');
    }
  });

  it('lists every event newest first, page by page, none skipped or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await get(`/v1/events?limit=4${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = (await get('/v1/events?limit=100').expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(all).toHaveLength(9);
    expect(seen).toEqual(all);
    const newest = (await get('/v1/events?limit=1').expect(200)).body.items[0];
    expect(newest).toMatchObject({ type: 'order.approved', orderToken: orders[2].token });
  });

  it('filters by type, by order, and by whether every endpoint received it', async () => {
    const approved = (await get('/v1/events?type=order.approved').expect(200)).body.items;
    expect(approved.map((item: { orderToken: string }) => item.orderToken)).toEqual([orders[2].token, orders[1].token, orders[0].token]);
    const ofOne = (await get(`/v1/events?orderToken=${orders[0].token}`).expect(200)).body.items;
    expect(ofOne.map((item: { type: string }) => item.type)).toEqual(['order.approved', 'order.requested', 'order.created']);
    expect(ofOne[2].deliveries).toEqual([]);

    expect((await get('/v1/events?delivered=false').expect(200)).body.items).toHaveLength(3);
    expect((await get('/v1/events?delivered=true').expect(200)).body.items).toHaveLength(0);
    erp.answerWith((received) => (received.event.data.token === orders[0].token ? 500 : 204));
    await deliverDue(sut.app);
    const owed = (await get('/v1/events?delivered=false').expect(200)).body.items;
    expect(owed).toEqual([expect.objectContaining({ orderToken: orders[0].token, type: 'order.approved' })]);
    expect(owed[0].deliveries).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'http_500', endpoint: erp.url })]);
    expect((await get('/v1/events?delivered=true').expect(200)).body.items).toHaveLength(2);
    erp.answerWith(204);
  });

  it('shows one event with its body and every attempt, never the endpoint\'s query string', async () => {
    const [item] = (await get(`/v1/events?type=order.approved&orderToken=${orders[0].token}`).expect(200)).body.items;
    const { body } = await get(`/v1/events/${item.id}`).expect(200);
    expect(body).toMatchObject({ id: item.id, type: 'order.approved', orderToken: orders[0].token });
    expect(body.payload).toMatchObject({ id: item.id, type: 'order.approved', data: { token: orders[0].token, status: 'approved', fiscalCode: `${orders[0].fiscalCode.slice(0, 6)}*********${orders[0].fiscalCode.slice(-1)}` } });
    expect(body.deliveries[0].attemptLog).toEqual([expect.objectContaining({ statusCode: 500, errorClass: 'http_500' })]);
    expect(JSON.stringify(body)).not.toContain('endpoint-credential');
  });

  it('resends an event with the same id as a new delivery, and refuses when no endpoint takes its type', async () => {
    const order = orders[1];
    const [approved] = (await get(`/v1/events?type=order.approved&orderToken=${order.token}`).expect(200)).body.items;
    erp.received.length = 0;
    sut.clock.advance(1_000);
    const res = await post(`/v1/events/${approved.id}/resend`).expect(202);
    expect(res.body.deliveries.map((delivery: { status: string }) => delivery.status)).toEqual(['delivered', 'pending']);
    await deliverDue(sut.app);
    expect(erp.accepted().map((received) => [received.id, received.event.type])).toEqual([[approved.id, 'order.approved']]);

    const [created] = (await get(`/v1/events?type=order.created&orderToken=${order.token}`).expect(200)).body.items;
    const refused = await post(`/v1/events/${created.id}/resend`).expect(409);
    expect(refused.body.code).toBe('EVENT.NO_ENDPOINT');
  });

  it('sends a cancellation to the endpoint that asked for it', async () => {
    erp.received.length = 0;
    await cancelByRejection(sut, orders[2].token);
    await deliverDue(sut.app);
    expect(erp.typesFor(orders[2].token)).toEqual(['order.cancelled']);
  });

  it('answers 404 problem+json for an unknown event, on reading and resending', async () => {
    const id = crypto.randomUUID();
    expect((await get(`/v1/events/${id}`).expect(404)).body.code).toBe('EVENT.NOT_FOUND');
    expect((await post(`/v1/events/${id}/resend`).expect(404)).body.code).toBe('EVENT.NOT_FOUND');
  });

  it.each([
    ['/v1/events?type=order.shipped', 'type'],
    ['/v1/events?delivered=no', 'delivered'],
    ['/v1/events?orderToken=%3Cscript%3E', 'orderToken'],
    ['/v1/events?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['/v1/events?limit=0', 'limit'],
    ['/v1/events?surprise=1', 'surprise'],
    ['/v1/events/not-a-uuid', 'id'],
  ])('answers GET %s with a 400 naming %s', async (path, field) => {
    const res = await get(path).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('answers a resend of a malformed id with a 400 naming id', async () => {
    expect((await post('/v1/events/123/resend').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('exposes deliveries by outcome, delivery lag and queue depth to Prometheus', async () => {
    const { text } = await request(sut.app.getHttpServer()).get('/metrics').expect(200);
    expect(text).toMatch(/merchant_event_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(text).toMatch(/merchant_event_deliveries_total\{outcome="retry"\} [1-9]/);
    expect(text).toMatch(/merchant_event_delivery_lag_seconds_count [1-9]/);
    expect(text).toMatch(/merchant_event_queue_depth \d+/);
  });

  it('documents the routes and the event payload in OpenAPI: its schema, the order view inside it, and every event type', async () => {
    const { body } = await request(sut.app.getHttpServer()).get('/docs-json').expect(200);
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toBeDefined();
    for (const [path, method] of [['/v1/events', 'get'], ['/v1/events/{id}', 'get'], ['/v1/events/{id}/resend', 'post']]) {
      const operation = body.paths[path][method];
      expect({ path, tags: operation.tags, described: Boolean(operation.summary && operation.description), secured: operation.security })
        .toEqual({ path, tags: ['back-office'], described: true, secured: [{ 'back-office': [] }] });
    }
    const payload = body.components.schemas.MerchantEventPayloadDto;
    expect(payload.required).toEqual(expect.arrayContaining(['id', 'type', 'createdAt', 'data']));
    expect(payload.properties.data).toEqual({ $ref: '#/components/schemas/OrderViewDto' });
    expect(body.components.schemas.MerchantEventDetailDto.properties.payload).toMatchObject({ allOf: [{ $ref: '#/components/schemas/MerchantEventPayloadDto' }] });
    expect(payload.properties.type.enum).toEqual([...MERCHANT_EVENT_TYPES]);
    for (const type of MERCHANT_EVENT_TYPES) expect(payload.properties.type.description).toMatch(new RegExp(`- \`${type.replace(/\./g, '\\.')}\`: \\S`));
    expect(body.info.description).toMatch(/Merchant events.*MerchantEventPayloadDto/s);
    const example = body.paths['/v1/events/{id}'].get.responses['200'].content['application/json'].example;
    expect(example.payload).toMatchObject({ type: 'order.approved', data: { fiscalCode: 'RSSMRA*********S' } });
    expect(Object.keys(example.payload.data).sort()).toEqual(Object.keys(body.components.schemas.OrderViewDto.properties).sort());
  });
});
