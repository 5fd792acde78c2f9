import { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import type { SoisyConfig } from '../config/app-config.js';
import { soisyCallDuration } from '../metrics/metrics.js';
import { createSoisyAgents, SoisyAgents } from './connect-timeout-agent.js';
import { errorFromFailure, errorFromResponse, SoisyCallContext, SoisyError } from './soisy-errors.js';
import { CallDeadline, soisyCallBudgetMs } from './soisy-deadline.js';
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
}

export interface SoisyResponse {
  status: number;
  data: unknown;
}

/**
 * The transport under SoisyGateway: credentials, connect and read timeouts, and retries where a
 * repeat is safe. It returns every answer below 500 for the gateway to interpret; 5xx answers and
 * transport failures become SoisyErrors once the allowed retries are spent.
 */
export class SoisyHttpClient {
  private readonly logger = new Logger('SoisyGateway');
  private readonly agents: SoisyAgents;
  /**
   * POSTs never reuse an idle socket: Soisy may close one just as it is reused, and a POST lost
   * that way looks "dropped", an unknown outcome (a release parked for a human). A fresh
   * connection makes a failure either "never sent" (safe to retry) or a real unknown.
   */
  private readonly postAgents: SoisyAgents;

  constructor(
    private readonly http: HttpService,
    private readonly config: SoisyConfig,
    private readonly retry: RetryPolicy,
  ) {
    this.agents = createSoisyAgents(config.connectTimeoutMs);
    this.postAgents = createSoisyAgents(config.connectTimeoutMs, { keepAlive: false });
  }

  /** Closes idle keep-alive sockets so a shutting-down process is not held open by them. */
  close(): void {
    for (const agents of [this.agents, this.postAgents]) {
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
    }
  }

  /**
   * One gateway call: at most `soisyCallBudgetMs(config)` from start to answer or error, retries
   * and backoff included (see CallDeadline).
   */
  async send(request: SoisyRequest): Promise<SoisyResponse> {
    const deadline = new CallDeadline(soisyCallBudgetMs(this.config), this.config.connectTimeoutMs);
    for (let retryIndex = 0; ; retryIndex++) {
      const result = await this.attempt(request, deadline.readTimeoutMs(this.config.timeoutMs));
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

  private async attempt(request: SoisyRequest, readTimeoutMs: number): Promise<SoisyResponse | { failure: TransportFailure }> {
    const stopTimer = soisyCallDuration.startTimer({ call: request.call.name });
    const result = await this.attemptOnce(request, readTimeoutMs);
    stopTimer({ outcome: 'status' in result ? String(result.status) : result.failure.kind });
    return result;
  }

  private async attemptOnce(request: SoisyRequest, readTimeoutMs: number): Promise<SoisyResponse | { failure: TransportFailure }> {
    const agents = request.call.method === 'POST' ? this.postAgents : this.agents;
    try {
      const response = await lastValueFrom(
        this.http.request({
          method: request.call.method,
          url: `${this.config.baseUrl}${request.path}`,
          params: request.query,
          data: request.body,
          headers: {
            Accept: 'application/json',
            ...(request.body ? { 'Content-Type': 'application/json' } : {}),
            ...(request.authenticated ? { 'X-Auth-Token': this.config.authToken } : {}),
          },
          timeout: readTimeoutMs,
          // ETIMEDOUT rather than ECONNABORTED: a read timeout must not look like a cancellation.
          transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
          validateStatus: () => true,
          // Soisy's API does not redirect; following one could replay a POST or carry the token elsewhere.
          maxRedirects: 0,
          httpAgent: agents.httpAgent,
          httpsAgent: agents.httpsAgent,
        }),
      );
      return { status: response.status, data: response.data };
    } catch (error) {
      // Only the classification survives: the axios error holds the request config, token included.
      return { failure: classifyTransportFailure(error) };
    }
  }

  private toError(call: SoisyCallContext, result: SoisyResponse | { failure: TransportFailure }): SoisyError {
    return 'failure' in result ? errorFromFailure(call, result.failure) : errorFromResponse(call, result.status, result.data);
  }
}

function describe(result: AttemptResult): string {
  if ('status' in result) return `HTTP ${result.status}`;
  return result.failure.kind === 'not_sent' ? `not sent: ${result.failure.reason}` : result.failure.kind;
}
