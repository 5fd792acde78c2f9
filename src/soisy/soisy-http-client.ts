import { Logger } from '@nestjs/common';
import type { Agent } from 'undici';
import type { SoisyConfig } from '../config/app-config.js';
import { soisyCallDuration } from '../metrics/metrics.js';
import { createSoisyDispatcher } from './connect-timeout-agent.js';
import { CallDeadline, soisyCallBudgetMs } from './soisy-deadline.js';
import { errorFromFailure, errorFromResponse, SoisyCallContext, SoisyError } from './soisy-errors.js';
import { exchange, ExchangeAnswer } from './soisy-exchange.js';
import { classifyTransportFailure, TransportFailure } from './soisy-failure.js';
import { AttemptResult, backoffDelayMs, mayRetry, RetryPolicy, sleepFor } from './soisy-retry.js';
import type { WireBody } from './soisy-wire.js';

export interface SoisyRequest {
  call: SoisyCallContext;
  /** Already URL-encoded, relative to the API base. */
  path: string;
  authenticated: boolean;
  query?: WireBody;
  body?: WireBody;
  /** The media type asked for; `application/json` unless said otherwise. */
  accept?: string;
}

export interface SoisyResponse {
  status: number;
  /** Parsed JSON when JSON was asked for or sent (the raw text if it does not parse), else the text. */
  data: unknown;
}

/**
 * The transport under SoisyGateway: credentials, connect and read timeouts, one deadline per call,
 * retries where a repeat is safe, on a pool of keep-alive connections (connect-timeout-agent.ts).
 * It returns every answer below 500 for the gateway to interpret; 5xx answers and transport
 * failures become SoisyErrors once the allowed retries or the call's budget are spent.
 */
export class SoisyHttpClient {
  private readonly logger = new Logger('SoisyGateway');
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    private readonly config: SoisyConfig,
    private readonly retry: RetryPolicy,
    private readonly dispatcher: Agent = createSoisyDispatcher(config),
  ) {
    const base = new URL(config.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
  }

  /** Lets calls in flight finish (each is bounded by its budget), then closes every socket. */
  close(): Promise<void> {
    return this.dispatcher.close();
  }

  /**
   * One gateway call: at most `soisyCallBudgetMs(config)` from start to answer or error, retries
   * and backoff included (see CallDeadline).
   */
  async send(request: SoisyRequest): Promise<SoisyResponse> {
    const deadline = new CallDeadline(soisyCallBudgetMs(this.config), this.config.connectTimeoutMs);
    for (let retryIndex = 0; ; retryIndex++) {
      const result = await this.attempt(request, deadline);
      if ('status' in result && result.status < 500) return result;
      const what = describe(result);
      const delayMs = backoffDelayMs(this.retry, retryIndex);
      const retryable = retryIndex < this.retry.retries && mayRetry(request.call.method, result);
      if (!retryable || !deadline.allowsAttemptAfter(delayMs, this.config.timeoutMs)) {
        const budget = retryable ? ' (no time left in the call budget for another)' : '';
        this.logger.warn(`Soisy ${request.call.name} failed after ${retryIndex + 1} attempt(s)${budget}: ${what}`);
        throw this.toError(request.call, result);
      }
      this.logger.warn(`Soisy ${request.call.name} failed (${what}); retry ${retryIndex + 1} of ${this.retry.retries} in ${delayMs} ms`);
      await sleepFor(this.retry, delayMs);
    }
  }

  private async attempt(request: SoisyRequest, deadline: CallDeadline): Promise<SoisyResponse | { failure: TransportFailure }> {
    const stopTimer = soisyCallDuration.startTimer({ call: request.call.name });
    const result = await this.attemptOnce(request, deadline);
    stopTimer({ outcome: 'status' in result ? String(result.status) : result.failure.kind });
    return result;
  }

  private async attemptOnce(request: SoisyRequest, deadline: CallDeadline): Promise<SoisyResponse | { failure: TransportFailure }> {
    try {
      const answer = await exchange(this.dispatcher, {
        origin: this.origin,
        path: `${this.basePath}${request.path}${queryString(request.query)}`,
        method: request.call.method,
        headers: {
          accept: request.accept ?? 'application/json',
          ...(request.body ? { 'content-type': 'application/json' } : {}),
          ...(request.authenticated ? { 'x-auth-token': this.config.authToken } : {}),
        },
        body: request.body ? JSON.stringify(request.body) : undefined,
        readTimeoutMs: () => deadline.readTimeoutMs(this.config.timeoutMs),
      });
      // Soisy's API does not redirect: a 3xx is returned as is (never followed, which could replay a
      // POST or carry the token elsewhere) and the gateway reports it as unexpected.
      return { status: answer.status, data: readBody(answer, request.accept) };
    } catch (error) {
      // Only the classification survives: nothing of the request (token included) is kept.
      return { failure: classifyTransportFailure(error) };
    }
  }

  private toError(call: SoisyCallContext, result: SoisyResponse | { failure: TransportFailure }): SoisyError {
    return 'failure' in result ? errorFromFailure(call, result.failure) : errorFromResponse(call, result.status, result.data);
  }
}

function queryString(query: WireBody | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** JSON is parsed whenever JSON was asked for or announced, as axios did before (some answers lack the header). */
function readBody(answer: ExchangeAnswer, accept: string | undefined): unknown {
  const text = answer.body.toString('utf8');
  const json = accept === undefined || /\bjson\b/i.test(`${accept} ${String(answer.headers['content-type'] ?? '')}`);
  if (!json || text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(result: AttemptResult): string {
  if ('status' in result) return `HTTP ${result.status}`;
  return result.failure.kind === 'not_sent' ? `not sent: ${result.failure.reason}` : result.failure.kind;
}
