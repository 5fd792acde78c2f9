import request from 'supertest';
import { FakeClock } from '../back-office/support/back-office.js';
import { startStack, type Stack } from '../support/stack.js';
import { injectFault, orderBody } from './support/checkout.js';

/**
 * Soisy created the order but its answer never arrived: the reference is blocked while the first
 * call could still be running, then may be used again, and the first attempt's Soisy order stays inert.
 */
describe('an order whose creation answer was lost', () => {
  let stack: Stack;
  const clock = new FakeClock();
  beforeAll(async () => {
    stack = await startStack({ SCHEDULER_ENABLED: 'false' }, {}, { clock });
  });
  afterAll(() => stack.close());

  it('can be created again with its reference once no call can still be in flight', async () => {
    const body = orderBody();
    await injectFault(stack, { method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'drop' }, afterProcessing: true });
    const lost = await request(stack.url).post('/v1/orders').send(body);
    expect(lost.status).toBe(502);
    expect(lost.body.orderReference).toBe(body.orderReference);

    const tooSoon = await request(stack.url).post('/v1/orders').send(body);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('ORDER.CREATION_PENDING');

    clock.advance(4 * 60_000);
    const retried = await request(stack.url).post('/v1/orders').send(body);
    expect(retried.status).toBe(201);

    const order = (await request(stack.url).get(`/v1/orders/${retried.body.token}`).expect(200)).body;
    expect(order.status).toBe('created');
    const types = order.events.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['order.creation_outcome_unknown', 'order.creation_retried', 'order.created']));
    const creations = (await stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path === '/shops/partnershop/orders');
    expect(creations).toHaveLength(2);
  });
});
