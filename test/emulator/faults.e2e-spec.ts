import type { RunningEmulator } from '../../src/emulator/index.js';
import { control, createOrder, emulator, get, orders, post } from './support.js';

describe('Emulator: fault injection', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  const addFault = (spec: Record<string, unknown>) => control(emu, 'POST', '/faults', spec);
  const storedOrders = async () => (await control(emu, 'GET', '/orders')).body as unknown[];
  const calls = async () => (await control(emu, 'GET', '/requests')).body as { path: string; status: number | null; fault: string | null }[];

  it('answers the next matching call with Soisy\'s 500 body, without creating the order, then behaves again', async () => {
    expect((await addFault({ method: 'POST', path: '/shops/partnershop/orders', times: 1, fault: { type: 'status', status: 500 } })).status).toBe(201);
    const faulted = await post(orders(emu), { amount: 50000 });
    expect(faulted.status).toBe(500);
    expect(faulted.body).toEqual({ errors: { system: ['System error'] } });
    expect(await storedOrders()).toEqual([]);
    expect((await post(orders(emu), { amount: 50000 })).status).toBe(200);
  });

  it('faults exactly `times` calls', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', times: 2, fault: { type: 'status', status: 503 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(orders(emu), {})).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('leaves calls with another method or path alone', async () => {
    await addFault({ method: 'GET', path: '/shops/partnershop/orders/*', fault: { type: 'status', status: 500 } });
    expect((await post(orders(emu), {})).status).toBe(200);
    expect((await (await control(emu, 'GET', '/faults')).body).length).toBe(1);
  });

  it('matches globs, regular expressions and paths written with the /api prefix', async () => {
    const token = await createOrder(emu);
    await addFault({ method: 'GET', path: '/shops/*/orders/*', fault: { type: 'status', status: 502 } });
    await addFault({ pathRegex: 'match-trigger$', fault: { type: 'status', status: 500 } });
    await addFault({ method: 'get', path: '/api/shops/partnershop/loan-quotes', fault: { type: 'status', status: 500 } });
    expect((await get(`${orders(emu)}/${token}`)).status).toBe(502);
    expect((await post(`${orders(emu)}/${token}/match-trigger`, { amount: 1 })).status).toBe(500);
    expect((await get(`${emu.apiUrl}/shops/partnershop/loan-quotes?amount=100000&instalments=12`, {})).status).toBe(500);
  });

  it('with afterProcessing, lets the call take effect and still answers 500 (outcome unknown)', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'status', status: 500 }, afterProcessing: true });
    expect((await post(orders(emu), { orderReference: 'R-1' })).status).toBe(500);
    expect(await storedOrders()).toEqual([expect.objectContaining({ orderReference: 'R-1' })]);
  });

  it('delays the answer by the given ms and then processes the call normally', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'delay', ms: 300 } });
    const started = Date.now();
    const answer = await post(orders(emu), {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    expect(await storedOrders()).toHaveLength(1);
  });

  it('processes a delayed call only after the delay, so a client that gives up early has changed nothing yet', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'delay', ms: 400 } });
    const slow = post(orders(emu), {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await storedOrders()).toHaveLength(0);
    await slow;
    expect(await storedOrders()).toHaveLength(1);
  });

  it('with afterProcessing, a delay lets the call take effect at once and answers late', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'delay', ms: 400 }, afterProcessing: true });
    const slow = post(orders(emu), {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await storedOrders()).toHaveLength(1);
    expect((await slow).status).toBe(200);
  });

  it('drops the connection without an answer and without taking effect', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'drop' } });
    await expect(post(orders(emu), {})).rejects.toThrow();
    expect(await storedOrders()).toEqual([]);
    expect((await post(orders(emu), {})).status).toBe(200);
  });

  it('with afterProcessing, drops the connection after the call took effect', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'drop' }, afterProcessing: true });
    await expect(post(orders(emu), { orderReference: 'lost-answer' })).rejects.toThrow();
    expect(await storedOrders()).toEqual([expect.objectContaining({ orderReference: 'lost-answer' })]);
  });

  it('logs faulted calls with their fault: dropped ones with status null', async () => {
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'drop' } });
    await addFault({ method: 'POST', path: '/shops/partnershop/orders', fault: { type: 'status', status: 500 } });
    await post(orders(emu), {}).catch(() => undefined);
    await post(orders(emu), {});
    expect((await calls()).map(({ status, fault }) => [status, fault])).toEqual([[null, 'drop'], [500, 'status']]);
  });

  it('refuses a malformed fault with 400 and forgets all faults on DELETE', async () => {
    expect((await addFault({ path: '/x', fault: { type: 'explode' } })).status).toBe(400);
    expect((await addFault({ path: '/x', times: 0, fault: { type: 'drop' } })).status).toBe(400);
    expect((await addFault({ pathRegex: '(', fault: { type: 'drop' } })).status).toBe(400);
    await addFault({ path: '/shops/partnershop/orders', fault: { type: 'status', status: 500 } });
    await control(emu, 'DELETE', '/faults');
    expect((await post(orders(emu), {})).status).toBe(200);
  });

  it('can answer a custom status and body, e.g. a 409', async () => {
    await addFault({ path: '/shops/partnershop/orders', fault: { type: 'status', status: 409, body: { errors: 'Conflict' } } });
    const answer = await post(orders(emu), {});
    expect([answer.status, answer.body]).toEqual([409, { errors: 'Conflict' }]);
  });
});
