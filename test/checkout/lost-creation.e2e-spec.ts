import request from 'supertest';
import { Clock } from '../../src/common/clock.js';
import { CreationRecoveryJob } from '../../src/checkout/creation-recovery/creation-recovery.job.js';
import { SoisyGateway } from '../../src/soisy/index.js';
import { query } from '../support/database.js';
import { startStack, type Stack } from '../support/stack.js';
import { injectFault, orderBody, settleCallbacks, waitUntil } from './support/checkout.js';
import { eventTypes, localOrder, soisyOrdersWithReference } from './support/recovery.js';

const CREATE = { method: 'POST', path: '/shops/partnershop/orders' };

/** Real time plus what a test skipped ahead; back to real time before each test, so ours stays close to Soisy's. */
class SkippingClock extends Clock {
  private skipped = 0;
  now(): Date {
    return new Date(Date.now() + this.skipped);
  }
  advance(ms: number): void {
    this.skipped += ms;
  }
  reset(): void {
    this.skipped = 0;
  }
}

/**
 * Soisy's answer to create order never arrived (or was never stored): the order is looked up in
 * Soisy's order list and adopted, or failed once Soisy's absence is established; only then may the
 * reference make a new Soisy order. A reference never has two Soisy orders.
 */
describe('an order whose creation answer was lost', () => {
  let stack: Stack;
  const clock = new SkippingClock();
  beforeAll(async () => {
    stack = await startStack({ SCHEDULER_ENABLED: 'false', PENDING_ABSENT_AFTER_SECONDS: '60' }, {}, { clock });
  });
  beforeEach(() => clock.reset());
  afterAll(() => stack.close());

  const post = (body: object, key?: string) => {
    const req = request(stack.url).post('/v1/orders');
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it("reads Soisy's CSV order list through the gateway: token, reference, status, amount in cents, creation time", async () => {
    const body = orderBody({ customer: { firstname: 'Anna, Maria', lastname: 'D"Angelo' } });
    const { token } = (await post(body).expect(201)).body;
    const entries = await stack.app.get(SoisyGateway).listOrders();
    const entry = entries.find((candidate) => candidate.token === token);
    expect(entry).toEqual({ token, orderReference: body.orderReference, status: 'quote', amountCents: body.amount, instalments: body.instalments, createdAt: expect.any(Date) });
    expect(Math.abs(entry!.createdAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const [call] = (await stack.soisyCalls()).filter((candidate) => candidate.method === 'GET' && candidate.path === '/shops/partnershop/orders');
    expect(call.status).toBe(200);
  });

  it.each([
    ['a dropped connection', { type: 'drop' }, 502],
    ['a read timeout', { type: 'delay', ms: 3000 }, 504],
  ])('after %s once Soisy created it, a retry with the same key gets that order, adopted, and no second one is made', async (_name, fault, status) => {
    const body = orderBody();
    const reference = body.orderReference as string;
    await injectFault(stack, { ...CREATE, fault, afterProcessing: true });
    const lost = await post(body, `key-${reference}`);
    expect(lost.status).toBe(status);
    expect(lost.body).toMatchObject({ orderReference: reference, orderStatus: 'pending' });

    const retried = await post(body, `key-${reference}`);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    const [soisyOrder, ...others] = await soisyOrdersWithReference(stack.emulator.url, reference);
    expect(others).toEqual([]);
    expect(retried.body).toMatchObject({ token: soisyOrder.token, status: 'created', orderReference: reference, amount: body.amount });
    // Soisy's list has no redirect URL: the storefront continues with loan request and approval.
    expect(retried.body).not.toHaveProperty('redirectUrl');

    const row = (await localOrder(stack.db.url, reference))!;
    expect(row).toMatchObject({ status: 'created', token: soisyOrder.token });
    expect(soisyOrder.callbackUrl).toBe(`${stack.url}/v1/soisy/callbacks/${row.callbackSecret}`);
    expect(await eventTypes(stack.db.url, row.id)).toEqual(['order.creation_started', 'order.creation_outcome_unknown', 'order.creation_recovered']);

    // Without the key, the reference is taken (the token is a capability, never told to a reference).
    const otherKey = await post(body);
    expect(otherKey.status).toBe(409);
    expect(otherKey.body.code).toBe('ORDER.REFERENCE_TAKEN');
    expect(await soisyOrdersWithReference(stack.emulator.url, reference)).toHaveLength(1);
  });

  it("reaches the adopted order with Soisy's callbacks, whose URL carries the row's own secret", async () => {
    const body = orderBody();
    await injectFault(stack, { ...CREATE, fault: { type: 'drop' }, afterProcessing: true });
    await post(body, 'callback-key').expect(502);
    const { token } = (await post(body, 'callback-key').expect(201)).body;
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send({ instalments: 12, privacy: true, fiscalCode: 'RSSMRA85T10A562S', jobDescription: 'employee_open_ended_contract' });
    await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: 'LoanWasApproved' }) });
    await settleCallbacks(stack);
    const [callback] = (await (await fetch(`${stack.emulator.url}/__emulator/callbacks?orderToken=${token}`)).json()) as Array<{ responseStatus: number }>;
    expect(callback.responseStatus).toBe(200);
    await waitUntil('the callback is confirmed', async () => (await request(stack.url).get(`/v1/orders/${token}`)).body.status === 'approved');
  });

  it('when Soisy never got it: 409 with Retry-After until its absence is established, then failed and created anew', async () => {
    const body = orderBody();
    const reference = body.orderReference as string;
    await injectFault(stack, { ...CREATE, fault: { type: 'drop' } });
    await post(body, `key-${reference}`).expect(502);

    const tooSoon = await post(body, `key-${reference}`);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('ORDER.CREATION_PENDING');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(await soisyOrdersWithReference(stack.emulator.url, reference)).toEqual([]);

    clock.advance(61_000);
    const created = await post(body, `key-${reference}`);
    expect(created.status).toBe(201);
    expect(created.headers['idempotent-replayed']).toBeUndefined();
    expect(created.body.redirectUrl).toEqual(expect.any(String));
    const soisyOrders = await soisyOrdersWithReference(stack.emulator.url, reference);
    expect(soisyOrders.map((order) => order.token)).toEqual([created.body.token]);
    const row = (await localOrder(stack.db.url, reference))!;
    expect(await eventTypes(stack.db.url, row.id)).toEqual([
      'order.creation_started', 'order.creation_outcome_unknown', 'order.creation_absent', 'order.creation_retried', 'order.created',
    ]);
  });

  it('when the commit after Soisy answered fails, the row stays pending and the recovery job adopts the order', async () => {
    const body = orderBody();
    const reference = body.orderReference as string;
    await query(stack.db.url, `CREATE FUNCTION fail_commit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated commit failure'; END $$ LANGUAGE plpgsql`);
    await query(stack.db.url, `CREATE TRIGGER fail_commit BEFORE UPDATE ON orders FOR EACH ROW WHEN (OLD.status = 'pending' AND NEW.status = 'created') EXECUTE FUNCTION fail_commit()`);
    try {
      expect((await post(body, `key-${reference}`)).status).toBe(500);
    } finally {
      await query(stack.db.url, 'DROP TRIGGER fail_commit ON orders; DROP FUNCTION fail_commit()');
    }
    expect((await localOrder(stack.db.url, reference))!.status).toBe('pending');

    // Its call could still be running as far as anyone knows: the same key still answers 409, with when to retry.
    const meanwhile = await post(body, `key-${reference}`);
    expect(meanwhile.status).toBe(409);
    expect(Number(meanwhile.headers['retry-after'])).toBeGreaterThan(0);
    const job = stack.app.get(CreationRecoveryJob);
    expect(await job.runOnce()).toEqual({ adopted: 0, absent: 0, undecided: 0 });

    clock.advance(Number(meanwhile.headers['retry-after']) * 1000);
    expect(await job.runOnce()).toEqual({ adopted: 1, absent: 0, undecided: 0 });
    const [soisyOrder, ...others] = await soisyOrdersWithReference(stack.emulator.url, reference);
    expect(others).toEqual([]);
    expect(await localOrder(stack.db.url, reference)).toMatchObject({ status: 'created', token: soisyOrder.token });
    const replay = await post(body, `key-${reference}`).expect(201);
    expect(replay.body.token).toBe(soisyOrder.token);
  });

  it('leaves an order pending while the list cannot be read, and decides it once it can', async () => {
    const body = orderBody();
    const reference = body.orderReference as string;
    await injectFault(stack, { ...CREATE, fault: { type: 'drop' }, afterProcessing: true });
    await post(body).expect(502);
    await injectFault(stack, { method: 'GET', path: '/shops/partnershop/orders', fault: { type: 'status', status: 503 }, times: 3 });
    const job = stack.app.get(CreationRecoveryJob);
    expect(await job.runOnce()).toMatchObject({ undecided: 1 });
    expect((await localOrder(stack.db.url, reference))!.status).toBe('pending');

    clock.advance(60_000);
    expect(await job.runOnce()).toMatchObject({ adopted: 1 });
    expect((await localOrder(stack.db.url, reference))!.status).toBe('created');
  });
});
