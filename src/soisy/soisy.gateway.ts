import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { errorFromResponse, SoisyCallContext, SoisyCallName, unreadableResponse } from './soisy-errors.js';
import { SoisyHttpClient, SoisyResponse } from './soisy-http-client.js';
import type { ApprovalInput, ApprovalOutcome, LoanRequestFigures, LoanRequestInput } from './soisy-request.types.js';
import { DEFAULT_RETRY_POLICY, HttpMethod, RetryPolicy, SOISY_RETRY_POLICY } from './soisy-retry.js';
import { readOrderListCsv, SoisyOrderListEntry } from './soisy-order-list.js';
import * as wire from './soisy-wire.js';
import * as read from './soisy-wire-responses.js';
import type { Cents, CreatedOrder, CreateOrderInput, LoanQuoteQuery, LoanQuotes, OrderToken, SoisyOrder } from './soisy.types.js';

/**
 * The only code that talks to Soisy. Every method either returns Soisy's answer in the service's
 * own types or throws a SoisyError with a stable code (see soisy-errors.ts).
 *
 * Time: every method takes at most one call budget (`SOISY_CALL_BUDGET_MS`, default connect + read
 * timeout), retries and backoff included; past it, it throws SOISY.TIMEOUT (or SOISY.UNREACHABLE
 * if no attempt got through). See soisy-deadline.ts and the README's "Soisy call budgets".
 */
@Injectable()
export class SoisyGateway implements OnApplicationShutdown {
  private readonly client: SoisyHttpClient;
  private readonly shopId: string;
  private readonly shopPath: string;

  constructor(config: AppConfig, @Optional() @Inject(SOISY_RETRY_POLICY) retry?: RetryPolicy) {
    this.client = new SoisyHttpClient(config.soisy, retry ?? DEFAULT_RETRY_POLICY);
    this.shopId = config.soisy.shopId;
    this.shopPath = `/shops/${encodeURIComponent(config.soisy.shopId)}`;
  }

  /**
   * Nest runs this after every module's onModuleDestroy and after the HTTP server has closed, so
   * calls still in flight for requests being drained are not cut (a cut create order or release
   * would be left with an unknown outcome). onModuleDestroy ran before the server drained.
   */
  onApplicationShutdown(): Promise<void> {
    return this.client.close();
  }

  /** Public simulation (no token): browsers could call it too, so it carries no secret. */
  async getLoanQuotes(query: LoanQuoteQuery): Promise<LoanQuotes> {
    const call = this.call('getLoanQuotes', 'GET', wire.QUOTES_ERROR_KEYS);
    const response = await this.client.send({ call, path: `${this.shopPath}/loan-quotes`, authenticated: false, query: wire.quotesQuery(query) });
    return this.expect(call, response, (status) => status === 200, read.readQuotes);
  }

  /** Only 200 is success, as in every client merchants use today. */
  async createOrder(input: CreateOrderInput): Promise<CreatedOrder> {
    const call = this.call('createOrder', 'POST', wire.CREATE_ORDER_ERROR_KEYS);
    const response = await this.client.send({ call, path: `${this.shopPath}/orders`, authenticated: true, body: wire.createOrderBody(input) });
    return this.expect(call, response, (status) => status === 200, read.readCreatedOrder);
  }

  async getOrder(token: OrderToken): Promise<SoisyOrder> {
    const call = this.call('getOrder', 'GET', {});
    const path = `${this.shopPath}/orders/${encodeURIComponent(token)}`;
    const response = await this.client.send({ call, path, authenticated: true });
    return this.expect(call, response, (status) => status === 200, read.readOrder);
  }

  /**
   * Every order of the shop, from Soisy's CSV order list (the only form Soisy serves it in). Used
   * to find an order whose create-order answer was lost, by its reference and creation time.
   * Throws SoisyError like every call; an unreadable list is SOISY.BAD_RESPONSE.
   */
  async listOrders(): Promise<SoisyOrderListEntry[]> {
    const call = this.call('listOrders', 'GET', {});
    const response = await this.client.send({ call, path: `${this.shopPath}/orders`, authenticated: true, accept: 'text/csv' });
    return this.expect(call, response, (status) => status === 200, readOrderListCsv);
  }

  async createLoanRequest(input: LoanRequestInput): Promise<LoanRequestFigures> {
    const call = this.call('createLoanRequest', 'POST', wire.LOAN_REQUEST_ERROR_KEYS);
    const response = await this.client.send({ call, path: `${this.shopPath}/requests`, authenticated: true, body: wire.loanRequestBody(input) });
    return this.expect(call, response, (status) => status === 201, read.readLoanRequestFigures);
  }

  /** 201 approved, 422 refused: both are outcomes. Soisy allows one approval per request. */
  async requestApproval(fiscalCode: string, input: ApprovalInput): Promise<ApprovalOutcome> {
    const call = this.call('requestApproval', 'POST', wire.APPROVAL_ERROR_KEYS);
    const path = `${this.shopPath}/requests/${encodeURIComponent(fiscalCode)}`;
    const response = await this.client.send({ call, path, authenticated: true, body: wire.approvalBody(input) });
    if (response.status === 422) return { approved: false };
    return this.expect(call, response, (status) => status === 201, (data) => read.readApproval(data, input.amountCents));
  }

  /**
   * Starts a suspended order's financing. Soisy documents 204; any other 2xx is also taken as
   * done, because calling a success "unknown" would park an order that is in fact released.
   */
  async matchTrigger(token: OrderToken, amountCents: Cents): Promise<void> {
    const call = this.call('matchTrigger', 'POST', wire.MATCH_TRIGGER_ERROR_KEYS);
    const path = `${this.shopPath}/orders/${encodeURIComponent(token)}/match-trigger`;
    const response = await this.client.send({ call, path, authenticated: true, body: wire.matchTriggerBody(amountCents) });
    this.expect(call, response, (status) => status >= 200 && status < 300, () => undefined);
  }

  private call(name: SoisyCallName, method: HttpMethod, errorKeys: wire.ErrorKeyMap): SoisyCallContext {
    return { name, method, shopId: this.shopId, errorKeys };
  }

  private expect<T>(call: SoisyCallContext, response: SoisyResponse, succeeded: (status: number) => boolean, parse: (data: unknown) => T): T {
    if (!succeeded(response.status)) throw errorFromResponse(call, response.status, response.data);
    try {
      return parse(response.data);
    } catch (error) {
      if (error instanceof read.MalformedSoisyResponse) throw unreadableResponse(call, response.status, error.field);
      throw error;
    }
  }
}
