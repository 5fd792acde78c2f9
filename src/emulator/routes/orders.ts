/** Get order, the CSV order list and match-trigger. */
import type { FastifyInstance } from 'fastify';
import { apiRoute } from '../api-route.js';
import type { EmulatorContext } from '../context.js';
import { domainError, domainErrors } from '../messages.js';
import { orderView, ordersCsv } from '../order-view.js';
import { FieldReader } from '../validation.js';

const notFound = { status: 404, body: domainError(domainErrors.orderNotFound) };

export function registerOrderRoutes(app: FastifyInstance, context: EmulatorContext): void {
  apiRoute(app, context, {
    method: 'GET',
    url: '/shops/:shopId/orders/:token',
    handle: ({ shop, params }) => {
      const order = context.state.findOrder(shop.id, params.token);
      return order ? { status: 200, body: orderView(order) } : notFound;
    },
  });

  apiRoute(app, context, {
    method: 'GET',
    url: '/shops/:shopId/orders',
    handle: ({ shop, headers }) => {
      if (!String(headers.accept ?? '').includes('text/csv')) return { status: 400, body: domainError(domainErrors.csvOnly) };
      const orders = [...context.state.orders.values()].filter((order) => order.shopId === shop.id);
      return { status: 200, body: ordersCsv(orders), contentType: 'text/csv; charset=utf-8' };
    },
  });

  // Starts the financing of a suspended order; repeating it changes nothing but the log.
  apiRoute(app, context, {
    method: 'POST',
    url: '/shops/:shopId/orders/:token/match-trigger',
    handle: ({ shop, params, fields }) => {
      const order = context.state.findOrder(shop.id, params.token);
      if (!order) return notFound;
      const input = new FieldReader(fields);
      const amount = input.integer('amount', { required: true, min: 1 });
      if (amount === undefined) return { status: 400, body: { errors: input.errors } };
      order.matchTriggers.push({ amount, at: new Date().toISOString() });
      context.state.touch(order);
      return { status: 204 };
    },
  });
}
