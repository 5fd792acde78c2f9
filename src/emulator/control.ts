/** The control API under /__emulator: inspect state, fire Soisy's events, inject faults, reset. */
import type { FastifyInstance } from 'fastify';
import { type EmulatorContext, resetContext } from './context.js';
import { readFaultSpec } from './fault-spec.js';
import { EVENT_IDS, emitEvent } from './lifecycle.js';

type TokenParams = { Params: { token: string } };
type EventBody = { eventId?: unknown; amount?: unknown; eventDate?: unknown; eventMessage?: unknown };

const optionalString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function registerControl(app: FastifyInstance, context: EmulatorContext): void {
  const { state, callbacks, faults, requestLog } = context;

  app.post('/__emulator/reset', async () => {
    resetContext(context);
    return { reset: true };
  });

  app.get('/__emulator/requests', async () => requestLog.list());
  app.delete('/__emulator/requests', async () => {
    requestLog.clear();
    return { cleared: true };
  });

  app.get('/__emulator/orders', async () => [...state.orders.values()]);
  app.get<TokenParams>('/__emulator/orders/:token', async (request, reply) =>
    state.orders.get(request.params.token) ?? reply.code(404).send({ error: 'Order not found' }));
  app.get('/__emulator/loan-requests', async () => [...state.requests.values()]);

  app.post<TokenParams & { Body: EventBody }>('/__emulator/orders/:token/events', async (request, reply) => {
    const order = state.orders.get(request.params.token);
    if (!order) return reply.code(404).send({ error: 'Order not found' });
    const body = request.body ?? {};
    const eventId = String(body.eventId);
    if (!EVENT_IDS.includes(eventId)) return reply.code(400).send({ error: `eventId must be one of ${EVENT_IDS.join(', ')}` });
    const amount = body.amount === undefined ? undefined : Number(body.amount);
    if (amount !== undefined && !Number.isInteger(amount)) return reply.code(400).send({ error: 'amount must be integer cents' });
    const callback = emitEvent(context, order, eventId, {
      amount,
      eventDate: optionalString(body.eventDate),
      eventMessage: optionalString(body.eventMessage),
    });
    return { order, callback };
  });

  app.get<{ Querystring: { orderToken?: string } }>('/__emulator/callbacks', async (request) => {
    const { orderToken } = request.query;
    return callbacks.list().filter((record) => !orderToken || record.orderToken === orderToken);
  });
  app.post('/__emulator/callbacks/flush', async () => {
    await callbacks.flush();
    return callbacks.list();
  });

  app.get('/__emulator/faults', async () => faults.list());
  app.post('/__emulator/faults', async (request, reply) => {
    const spec = readFaultSpec(request.body);
    if (typeof spec === 'string') return reply.code(400).send({ error: spec });
    return reply.code(201).send(faults.add(spec));
  });
  app.delete('/__emulator/faults', async () => {
    faults.clear();
    return { cleared: true };
  });
}
