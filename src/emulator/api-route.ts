/**
 * Registers one Soisy API route: authentication, lenient input, injected faults, then the
 * handler, whose `{status, body}` answer is sent as Soisy would.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from './auth.js';
import type { ShopConfig } from './config.js';
import type { EmulatorContext } from './context.js';
import { faultBody, type Fault, underApiBase } from './faults.js';
import { collectFields, type Fields } from './input.js';
import { accessDenied } from './messages.js';
import { dropConnection, logEntryOf } from './request-hooks.js';

export interface ApiAnswer {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiCall<Shop = ShopConfig> {
  /** The authenticated shop; for public routes, the shop named in the path if it exists. */
  shop: Shop;
  params: Record<string, string>;
  fields: Fields;
  headers: FastifyRequest['headers'];
}

interface RouteBase {
  method: 'GET' | 'POST';
  url: string;
  /** Field spellings of this call, mapped to the one the handler reads. */
  aliases?: Record<string, string>;
}

type Answering<Shop> = (call: ApiCall<Shop>) => ApiAnswer | Promise<ApiAnswer>;

/** Public routes (loan quotes, shop info) need no X-Auth-Token. */
export type ApiRouteDefinition =
  | (RouteBase & { public?: false; handle: Answering<ShopConfig> })
  | (RouteBase & { public: true; handle: Answering<ShopConfig | undefined> });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function answer(context: EmulatorContext, call: ApiCall<ShopConfig | undefined>, definition: ApiRouteDefinition): ApiAnswer | Promise<ApiAnswer> {
  if (definition.public) return definition.handle(call);
  const shop = authenticate(context.options.shops, call.params.shopId, call.headers['x-auth-token']);
  return shop ? definition.handle({ ...call, shop }) : { status: 403, body: accessDenied };
}

function send(reply: FastifyReply, result: ApiAnswer): FastifyReply {
  reply.code(result.status).headers(result.headers ?? {});
  if (result.body === undefined) return reply.send();
  if (result.contentType) reply.type(result.contentType);
  return reply.send(result.body);
}

/**
 * True when the fault answered (or dropped) the call. Returns a boolean, not the reply: a
 * FastifyReply is thenable, so awaiting one from an async function would unwrap it.
 */
async function applyFault(request: FastifyRequest, reply: FastifyReply, fault: Fault): Promise<boolean> {
  const action = fault.fault;
  if (action.type === 'delay') await sleep(action.ms);
  if (action.type === 'status') send(reply, { status: action.status, body: faultBody(action) });
  if (action.type === 'drop') dropConnection(request, reply);
  return action.type !== 'delay';
}

export function apiRoute(app: FastifyInstance, context: EmulatorContext, definition: ApiRouteDefinition): void {
  app.route({
    method: definition.method,
    url: `/api${definition.url}`,
    handler: async (request, reply) => {
      const params = request.params as Record<string, string>;
      const shop = context.options.shops.find((candidate) => candidate.id === params.shopId);
      const call: ApiCall<ShopConfig | undefined> = { shop, params, headers: request.headers, fields: collectFields(request.query, request.body, definition.aliases) };
      const fault = context.faults.take(request.method, underApiBase(request.url.split('?')[0]));
      const entry = logEntryOf(request);
      if (fault && entry) entry.fault = fault.fault.type;
      if (fault && !fault.afterProcessing && (await applyFault(request, reply, fault))) return reply;
      const result = await answer(context, call, definition);
      if (fault?.afterProcessing && (await applyFault(request, reply, fault))) return reply;
      return send(reply, result);
    },
  });
}
