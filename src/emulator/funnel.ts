/**
 * Soisy's web app, emulated: the page at `redirectUrl` and the two actions behind its buttons.
 * The actions are plain POSTs, so tests can drive the funnel without a browser: with
 * `Accept: application/json` they answer `{outcome, status, redirectUrl}`, otherwise a 303 to it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { abandonFunnel, completeFunnel, type FunnelResult } from './funnel-actions.js';
import { finishedPage, funnelPage } from './funnel-page.js';
import { asInteger, collectFields } from './input.js';
import type { Order } from './state.js';

type OrderParams = { shopId: string; token: string };

function wantsJson(request: FastifyRequest): boolean {
  return String(request.headers.accept ?? '').includes('application/json');
}

function answer(request: FastifyRequest, reply: FastifyReply, result: FunnelResult): FastifyReply {
  return wantsJson(request) ? reply.send(result) : reply.redirect(result.redirectUrl, 303);
}

function positive(value: unknown): number | undefined {
  const parsed = asInteger(value);
  return typeof parsed === 'number' && parsed > 0 ? parsed : undefined;
}

export function registerFunnel(app: FastifyInstance, context: EmulatorContext): void {
  const page = (request: FastifyRequest<{ Params: { shopId: string } }>, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(funnelPage(request.params.shopId));
  app.get('/funnel/:shopId', page);
  app.get('/funnel/:shopId/loan-request', page);
  app.get('/funnel/finished', (request, reply) =>
    reply.type('text/html; charset=utf-8').send(finishedPage(String((request.query as { outcome?: string }).outcome))));

  const findOrder = (request: FastifyRequest<{ Params: OrderParams }>, reply: FastifyReply): Order | undefined => {
    const order = context.state.findOrder(request.params.shopId, request.params.token);
    if (!order) void reply.code(404).send({ error: 'Order not found' });
    return order;
  };

  app.get<{ Params: OrderParams }>('/funnel/:shopId/orders/:token', (request, reply) => {
    const order = findOrder(request, reply);
    if (order) return reply.send(order);
  });

  app.post<{ Params: OrderParams }>('/funnel/:shopId/orders/:token/complete', (request, reply) => {
    const order = findOrder(request, reply);
    if (!order) return;
    const fields = collectFields(request.query, request.body);
    const result = completeFunnel(context, order, { amount: positive(fields.amount), instalments: positive(fields.instalments) });
    if (!result) return reply.code(400).send({ error: "Indicare l'importo del finanziamento" });
    return answer(request, reply, result);
  });

  app.post<{ Params: OrderParams }>('/funnel/:shopId/orders/:token/abandon', (request, reply) => {
    const order = findOrder(request, reply);
    if (order) return answer(request, reply, abandonFunnel(context, order));
  });
}
