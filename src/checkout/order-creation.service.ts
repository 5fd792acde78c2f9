import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, withRetryAfter } from '../common/errors/app-error.js';
import { IdempotencyService, IdempotentRequest, Replayed } from '../common/idempotency/index.js';
import { Clock } from '../common/clock.js';
import { OrderLimitsCheck } from '../common/order-limits.js';
import { AppConfig } from '../config/app-config.js';
import type { Order } from '../orders/order.js';
import { OrdersRepository, type PendingOrderDraft } from '../orders/orders.repository.js';
import { OrderErrors } from '../orders/orders.errors.js';
import { afterLongestCall, GATEWAY_FIELD_NAMES, SoisyError, SoisyGateway, withFieldNames } from '../soisy/index.js';
import { CREATE_ORDER_SCOPE } from './creation-recovery/create-order-scope.js';
import { CreationRecoveryService } from './creation-recovery/creation-recovery.service.js';
import type { CreateOrderDto } from './dto/create-order.dto.js';
import type { CreatedOrderDto } from './dto/created-order.dto.js';

const ROUTE = '/v1/orders';
/** Conflicts that mean "this reference's (or key's) creation is pending": recovery may decide it. */
const PENDING_CODES = new Set(['ORDER.CREATION_PENDING', 'IDEMPOTENCY.IN_PROGRESS']);

/**
 * Creating an order never holds a transaction across the Soisy call: (1) pending row + idempotency
 * record, committed; (2) Soisy; (3) the outcome, committed with the idempotency record. Commonly
 * (1) and (3) are one statement each: two database round trips per order (issue 10).
 *
 * Outcomes, and what a retry does:
 * - created: the answer is stored; the same key and body replay it, a new key gets 409 REFERENCE_TAKEN.
 * - Soisy refused (4xx, or a call that provably never reached it): the order becomes `failed` and
 *   the idempotency record is deleted, not stored, so the merchant can correct the body and retry
 *   with the same key or reference; the failed row is reused (back to pending), never duplicated.
 * - outcome unknown (timeout, 5xx, dropped connection, or a crash or failed commit that left no
 *   answer): Soisy may hold an order we have no token for, so the row stays `pending` (502/504
 *   naming the reference). A retry of that reference asks creation recovery, which looks the order
 *   up in Soisy's order list: found → adopted, and a retry with the attempt's key replays it;
 *   established absent → `failed`, and the retry creates it again; not decidable yet → 409
 *   CREATION_PENDING with Retry-After. The recovery job decides the same without any retry.
 */
@Injectable()
export class OrderCreationService {
  constructor(
    private readonly soisy: SoisyGateway,
    private readonly orders: OrdersRepository,
    private readonly idempotency: IdempotencyService,
    private readonly limits: OrderLimitsCheck,
    private readonly recovery: CreationRecoveryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateOrderDto, idempotencyKey?: string): Promise<CreatedOrderDto | Replayed<CreatedOrderDto>> {
    this.limits.assert(dto);
    const idem = idempotencyKey === undefined ? undefined : this.idempotency.identify(CREATE_ORDER_SCOPE, idempotencyKey, { method: 'POST', route: ROUTE, body: dto });
    try {
      return await this.attempt(dto, idem);
    } catch (error) {
      if (!(error instanceof AppError) || !PENDING_CODES.has(error.code)) throw error;
      const verdict = await this.recovery.settleForRetry(this.config.soisy.shopId, dto.orderReference);
      if (verdict.kind === 'not_pending') throw error;
      if (verdict.kind === 'in_flight') throw withRetryAfter(error, verdict.retryAfterSeconds);
      if (verdict.kind === 'undecided') throw withRetryAfter(OrderErrors.creationPending(dto.orderReference), verdict.retryAfterSeconds);
      // Decided: the recovered answer's replay, REFERENCE_TAKEN, or a new attempt once Soisy's absence is established.
      return this.attempt(dto, idem);
    }
  }

  private async attempt(dto: CreateOrderDto, idem: IdempotentRequest | undefined): Promise<CreatedOrderDto | Replayed<CreatedOrderDto>> {
    const callbackSecret = randomBytes(32).toString('base64url');
    const claimed = await this.claim(this.draft(dto, callbackSecret, idem), idem);
    if (claimed instanceof Replayed) return claimed;
    const order = claimed;
    let created;
    try {
      created = await this.soisy.createOrder({
        amountCents: dto.amount,
        instalments: dto.instalments,
        orderReference: dto.orderReference,
        successUrl: dto.successUrl,
        errorUrl: dto.errorUrl,
        zeroInterestRate: dto.zeroInterestRate,
        callbackUrl: `${this.config.publicBaseUrl}/v1/soisy/callbacks/${callbackSecret}`,
        customer: dto.customer,
      });
    } catch (error) {
      throw await this.notCreated(order, error, idem);
    }
    const body: CreatedOrderDto = {
      token: created.token,
      redirectUrl: created.redirectUrl,
      status: 'created',
      orderReference: order.orderReference,
      amount: order.amountCents,
      ...(order.instalments === null ? {} : { instalments: order.instalments }),
      ...(order.zeroInterestRate === null ? {} : { zeroInterestRate: order.zeroInterestRate }),
    };
    // If this commit fails, the row stays pending and creation recovery adopts the order from Soisy's list.
    await this.orders.creation.complete(order, created, idem && {
      inStatement: (onlyIf) => this.idempotency.completeStatement(idem, 201, { ...body }, onlyIf),
      inTransaction: (tx) => this.idempotency.complete(tx, idem, 201, { ...body }),
    });
    return body;
  }

  /**
   * The pending row (and the key's record), or the replay of the key's first answer. A reference
   * never used (the common case) is one statement with the key's record (`claimNew`); when the key
   * or the reference exists, nothing was written, and the key is looked up (replay, 422, 409) before
   * `claim`'s transaction decides the reference (409, or a failed row retried): the answers of
   * Stripe's semantics and of the reference rules are those of looking the key up first.
   */
  private async claim(draft: PendingOrderDraft, idem: IdempotentRequest | undefined): Promise<Order | Replayed<CreatedOrderDto>> {
    const order = await this.orders.creation.claimNew(draft, idem && ((onlyIf) => this.idempotency.beginStatement(idem, onlyIf)));
    if (order) return order;
    const replay = idem && (await this.idempotency.lookup<CreatedOrderDto>(idem));
    if (replay) return replay;
    return this.orders.creation.claim(draft, idem && ((tx) => this.idempotency.begin(tx, idem)));
  }

  private draft(dto: CreateOrderDto, callbackSecret: string, idem: IdempotentRequest | undefined): PendingOrderDraft {
    const now = this.clock.now();
    return {
      shopId: this.config.soisy.shopId,
      orderReference: dto.orderReference,
      amountCents: dto.amount,
      instalments: dto.instalments ?? null,
      zeroInterestRate: dto.zeroInterestRate ?? null,
      fiscalCode: dto.customer?.fiscalCode ?? null,
      successUrl: dto.successUrl ?? null,
      errorUrl: dto.errorUrl ?? null,
      callbackSecret,
      creationStartedAt: now,
      creationEndsBy: afterLongestCall(this.config.soisy, now),
      creationIdempotencyKey: idem?.key ?? null,
      creationRequestHash: idem?.fingerprint ?? null,
    };
  }

  /** Records what Soisy's failure means for the order and returns the error to answer. */
  private async notCreated(order: Order, error: unknown, idem?: IdempotentRequest): Promise<unknown> {
    const forget = idem && ((tx: Parameters<IdempotencyService['discard']>[0]) => this.idempotency.discard(tx, idem));
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (error instanceof SoisyError && !error.outcomeUnknown) {
      const data = { code, upstreamStatus: error.upstreamStatus ?? null };
      await this.orders.transition(order.id, { to: 'failed', source: 'api', type: 'order.creation_refused', patch: { statusDetail: code }, data }, forget);
      return withFieldNames(error, GATEWAY_FIELD_NAMES);
    }
    await this.orders.creation.outcomeUnknown(order, code, this.clock.now(), forget);
    if (!(error instanceof AppError)) return error;
    const detail = `${error.detail} Soisy may or may not have created order "${order.orderReference}"; it is kept pending until recovered from Soisy's order list.`;
    return new AppError(error.kind, error.code, detail, { orderReference: order.orderReference, orderStatus: 'pending' });
  }
}
