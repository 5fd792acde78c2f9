import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify';
import type { QuoteQueryDto } from './dto/quote-query.dto.js';
import { QuotesService } from './quotes.service.js';

/** The route of QuotesController.quote, as Fastify knows it. */
const QUOTES_ROUTE = '/v1/quotes';

/** The query's only fields (the validation pipe refuses any other). */
const FIELDS = new Set(['amount', 'instalments', 'zeroInterestRate']);

/** Digits as a shopper's storefront sends them: no sign, no leading zero, no exponent, below 10⁹. */
const PLAIN_INTEGER = /^[1-9]\d{0,8}$/;

/** The texts QuoteQueryDto's `toBoolean` turns into booleans. */
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };

/**
 * Answers a cached quote before Nest's pipeline (router, validation pipe, interceptors): about a
 * third of a cache hit's CPU (README § Benchmark), on the storefront's most frequent request.
 *
 * Why this is the same answer, for the shopper and the operator:
 * - It answers only a query in the plain form (`plainQuoteQuery`) whose quotes are cached and
 *   within the limits; everything else (a miss, any doubtful input) goes on to QuotesController
 *   unchanged, so every 400 still comes from the validation pipe and the problem-details filter.
 *   For the plain form, the pipe would produce the same numbers and booleans, hence the same
 *   cache key (`QuotesService.cachedAnswer` shares it with `quote`).
 * - It runs as a preHandler of the route: every onRequest hook has run before it (security
 *   headers, request id, CORS, drain gate, rate limit with its headers and 429), and the onSend
 *   and onResponse hooks run after it (metrics by route template, the request log line).
 * - The body and headers are QuotesService's `Answer`, sent the way AnswerInterceptor sends it
 *   (status, headers, then the body through Fastify's JSON serialiser).
 * - It skips nothing the drain needs: the drain gate counts the request until its response closes,
 *   and a cache hit starts no work that could outlive the response (the in-flight interceptor
 *   exists for handlers still waiting on Soisy after their client hung up).
 * - It never throws (a lookup in a Map and pattern tests), so no error bypasses the filters.
 */
export function registerCachedQuoteAnswers(app: NestFastifyApplication): void {
  const quotes = app.get(QuotesService);
  const answerCacheHit = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    // HEAD (Fastify's automatic route for a GET) keeps Nest's way.
    const query = request.method === 'GET' ? plainQuoteQuery(request.query) : undefined;
    const answer = query && quotes.cachedAnswer(query);
    if (!answer) return done();
    // Answering from a hook without calling done() ends the lifecycle here (Fastify's documented way).
    void reply.status(answer.status).headers(answer.headers).send(answer.body);
  };
  // Routes are added when Nest initialises the application, after this hook: only the quotes route gets the step.
  app.getHttpAdapter().getInstance().addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== QUOTES_ROUTE || !methods(route).includes('GET')) return;
    route.preHandler = [...asArray(route.preHandler), answerCacheHit];
  });
}

/**
 * The quote query when it is in the plain form whose meaning is certain: `amount` and
 * `instalments` as plain digits, `zeroInterestRate` absent or one of true/false/1/0, no other
 * field, no repeated field. Undefined for anything else, which the validation pipe then judges.
 */
export function plainQuoteQuery(query: unknown): QuoteQueryDto | undefined {
  if (query === null || typeof query !== 'object') return undefined;
  const fields = query as Record<string, unknown>;
  for (const name in fields) if (!FIELDS.has(name)) return undefined;
  const { amount, instalments, zeroInterestRate } = fields;
  if (typeof amount !== 'string' || !PLAIN_INTEGER.test(amount)) return undefined;
  if (typeof instalments !== 'string' || !PLAIN_INTEGER.test(instalments)) return undefined;
  if (zeroInterestRate === undefined) return { amount: Number(amount), instalments: Number(instalments) };
  if (typeof zeroInterestRate !== 'string' || !Object.hasOwn(BOOLEANS, zeroInterestRate)) return undefined;
  return { amount: Number(amount), instalments: Number(instalments), zeroInterestRate: BOOLEANS[zeroInterestRate] };
}

function methods(route: RouteOptions): string[] {
  return asArray(route.method);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
