import pg from 'pg';
import request from 'supertest';
import { createOrder, orderBody } from '../checkout/support/checkout.js';
import { query } from '../support/database.js';
import { ADMIN_KEY, startStack, type Stack } from '../support/stack.js';

/**
 * PostgreSQL is up but busy: a long lock (a migration, a VACUUM FULL, an operator's transaction)
 * holds the orders table, so the service's 10 pooled connections are all taken by queries waiting
 * on it and further requests wait for a connection. Whatever a request was doing (a one-statement
 * write, an interactive transaction waiting to start, or one that outlived its time), it answers
 * 503 DATABASE.UNAVAILABLE with Retry-After or goes through once the lock is gone: never a 500, and
 * nothing half-written.
 */
describe('a busy database (every pooled connection waiting on a lock)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ SCHEDULER_ENABLED: 'false' });
  });
  afterAll(() => stack.close());

  /** Holds an ACCESS EXCLUSIVE lock on `orders` until the returned release is called. */
  async function lockOrders(): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }

  it('answers each request 503 DATABASE.UNAVAILABLE or as it would have, never a 500, and writes nothing half-way', async () => {
    const cancellable = await Promise.all(Array.from({ length: 4 }, () => createOrder(stack)));
    // A reference already used: its create order takes the interactive transaction (claim), not the one statement.
    const taken = orderBody();
    await request(stack.url).post('/v1/orders').send(taken).expect(201);
    const fresh = Array.from({ length: 8 }, () => orderBody());

    const release = await lockOrders();
    const started = Date.now();
    const groups = {
      created: fresh.map((body) => request(stack.url).post('/v1/orders').send(body)),
      taken: Array.from({ length: 4 }, () => request(stack.url).post('/v1/orders').send(taken)),
      cancelled: cancellable.map((token) => request(stack.url).post(`/v1/orders/${token}/cancel`).set('authorization', `Bearer ${ADMIN_KEY}`).send({ reason: 'Out of stock' })),
      read: cancellable.map((token) => request(stack.url).get(`/v1/orders/${token}`)),
    };
    const answers = Object.fromEntries(Object.entries(groups).map(([group, reqs]) => [group, Promise.all(reqs.map((req) => req.then((res) => res)))]));
    // Past the pool's wait for a connection (5 s) and a transaction's timeout (5 s).
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    await release();
    const [created, takenAgain, cancelled, read] = await Promise.all([answers.created!, answers.taken!, answers.cancelled!, answers.read!]);

    const all = [...created, ...takenAgain, ...cancelled, ...read];
    for (const res of all.filter((answer) => answer.status === 503)) {
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.code).toBe('DATABASE.UNAVAILABLE');
    }
    // Each as it would have been answered, or 503: never a 500.
    expect(created.map((res) => res.status).filter((status) => status !== 201 && status !== 503)).toEqual([]);
    expect(takenAgain.map((res) => res.status).filter((status) => status !== 409 && status !== 503)).toEqual([]);
    expect(cancelled.map((res) => res.status).filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(read.map((res) => res.status).filter((status) => status !== 200 && status !== 503)).toEqual([]);
    // The lock really held requests past the bounds: some waited them out.
    expect(all.filter((res) => res.status === 503).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThan(5_000);

    // Nothing half-way: a reference is at most one order, a 201 is a created order, a 503 left no
    // order or one recovery decides (pending); a 503'd cancel left the order as it was.
    const rows = await query<{ orderReference: string; status: string; n: string }>(stack.db.url,
      `SELECT "orderReference", min(status) AS status, count(*) AS n FROM orders WHERE "orderReference" = ANY($1) GROUP BY "orderReference"`,
      [[...fresh.map((body) => body.orderReference), taken.orderReference]]);
    const byReference = new Map(rows.map((row) => [row.orderReference, row]));
    expect(rows.every((row) => row.n === '1')).toBe(true);
    created.forEach((res, index) => {
      const row = byReference.get(fresh[index]!.orderReference as string);
      if (res.status === 201) expect(row?.status).toBe('created');
      else expect([undefined, 'pending']).toContain(row?.status);
    });
    for (const [index, res] of cancelled.entries()) {
      const now = await request(stack.url).get(`/v1/orders/${cancellable[index]}`).expect(200);
      expect(now.body.status).toBe(res.status === 200 ? 'cancelled' : 'created');
    }
  }, 30_000);

  it('answers 503 when an order\'s row stays locked elsewhere past a transaction\'s 5 s, and leaves the order unchanged', async () => {
    const token = await createOrder(stack);
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM orders WHERE token = $1 FOR UPDATE', [token]);
    const pending = request(stack.url).post(`/v1/orders/${token}/cancel`).set('authorization', `Bearer ${ADMIN_KEY}`).send({ reason: 'Out of stock' }).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    await client.query('ROLLBACK');
    await client.end();
    const res = await pending;
    // Prisma's P2028 (the transaction expired and was rolled back) was a 500.
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.code).toBe('DATABASE.UNAVAILABLE');
    await request(stack.url).get(`/v1/orders/${token}`).expect(200).expect((read) => expect(read.body.status).toBe('created'));
    // Once the lock is gone the same cancel goes through.
    await request(stack.url).post(`/v1/orders/${token}/cancel`).set('authorization', `Bearer ${ADMIN_KEY}`).send({ reason: 'Out of stock' }).expect(200);
  }, 30_000);

  it('serves everything again once the lock is gone', async () => {
    const token = await createOrder(stack);
    await request(stack.url).get(`/v1/orders/${token}`).expect(200);
    await request(stack.url).post(`/v1/orders/${token}/cancel`).set('authorization', `Bearer ${ADMIN_KEY}`).send({ reason: 'Out of stock' }).expect(200);
  });
});
