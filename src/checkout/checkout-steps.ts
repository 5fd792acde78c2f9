import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { requestFingerprint } from '../common/idempotency/index.js';
import type { CheckoutStep, IssuedOrder, Order } from '../orders/order.js';
import { OrdersRepository, type ClaimedStep } from '../orders/orders.repository.js';
import { OrderErrors } from '../orders/orders.errors.js';
import { stepInFlight, type StepClaim } from '../orders/step-claim.js';
import { GATEWAY_FIELD_NAMES, SoisyError, withFieldNames } from '../soisy/index.js';

/** A won step claim on an order with its Soisy token. */
export type ClaimedIssuedStep = ClaimedStep & { order: IssuedOrder };

/**
 * What the loan-request and approval steps share: finding the order, the claim that lets one
 * request at a time call Soisy for it (across replicas), and reading Soisy's failures.
 */
@Injectable()
export class CheckoutSteps {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly clock: Clock,
  ) {}

  order(token: string): Promise<IssuedOrder> {
    return this.orders.findByTokenOrThrow(token);
  }

  /** SHA-256 of the step and its canonical body: what "the same request again" means for a replay. */
  fingerprint(step: CheckoutStep, body: object): string {
    return requestFingerprint({ method: 'POST', route: step, body });
  }

  /** 409 ORDER.STEP_IN_PROGRESS (with Retry-After) when a live claim holds the order. */
  assertNotInProgress(order: Order): void {
    if (stepInFlight(order, this.clock.now())) this.inProgress(order);
  }

  /**
   * A claim lost with nothing stored to answer: the holder is still calling Soisy, or has just
   * failed and freed the order. Either way a retry in a moment gets a real answer.
   */
  inProgress(order: Order): never {
    throw OrderErrors.stepInProgress(order.stepClaim);
  }

  /**
   * Claims the order for `step` and answers it as the claim left it (another request may have
   * changed it since it was read); undefined when another request holds it or its status no longer
   * allows the step. The claim is committed before Soisy is called and must end in
   * `OrdersRepository.steps.complete` or `failed`.
   */
  async claim(order: IssuedOrder, step: CheckoutStep): Promise<ClaimedIssuedStep | undefined> {
    const claimed = await this.orders.steps.claim(order.id, step, this.clock.now());
    // A claimable status has a token, and a token never changes once set: the one the order was found by.
    return claimed && { ...claimed, order: { ...claimed.order, token: order.token } };
  }

  /**
   * A failed step changes no status and frees the claim, so the same step can be tried again. When
   * Soisy may have acted on it anyway, an event says so, in the same transaction: the history then
   * explains a later "already done" from Soisy.
   */
  async failed(claim: StepClaim, error: unknown): Promise<unknown> {
    if (error instanceof SoisyError && error.outcomeUnknown) {
      await this.orders.recordEvent(claim.orderId, 'api', `${claim.step}.outcome_unknown`, { code: error.code }, (tx) => this.orders.steps.release(claim, tx));
    } else {
      await this.orders.steps.release(claim);
    }
    return withFieldNames(error, GATEWAY_FIELD_NAMES);
  }
}
