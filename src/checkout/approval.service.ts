import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/app-error.js';
import { APPROVED_OR_LATER, canRequestApproval, isDecided, LOCAL_STATUS_OF } from '../orders/order-lifecycle.js';
import type { IssuedOrder, Order, OrderStatus } from '../orders/order.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OrderErrors } from '../orders/orders.errors.js';
import { MERCHANT_CANCELLED_DETAIL } from '../orders/status-detail.js';
import { ApprovalAdditionalData, ApprovalOutcome, SoisyGateway, type SoisyOrderStatus } from '../soisy/index.js';
import { CheckoutSteps, type ClaimedIssuedStep } from './checkout-steps.js';
import type { ApprovalResultDto } from './dto/approval-result.dto.js';
import { ADDITIONAL_DATA_FIELDS, ApprovalDto } from './dto/approval.dto.js';
import { approvalAnswer } from './step-answers.js';

/** Where Soisy's callbacks may already have taken a refused order while the approval call was answering. */
const REFUSED_OR_LATER: readonly OrderStatus[] = ['refused', 'cancelled'];

@Injectable()
export class ApprovalService {
  constructor(
    private readonly soisy: SoisyGateway,
    private readonly steps: CheckoutSteps,
    private readonly orders: OrdersRepository,
  ) {}

  /**
   * Soisy decides once per request, so one approval call per order reaches Soisy: the order is
   * claimed first (ORDER.STEP_IN_PROGRESS, 409 with Retry-After, while another request holds it),
   * and a decided order is answered here, without Soisy: with the stored decision when this body is
   * the one that got it (a double click), ORDER.ALREADY_DECIDED otherwise. An order the merchant
   * cancelled before Soisy decided, or one expired, is no decision: ORDER.APPROVAL_NOT_ALLOWED.
   */
  async approve(token: string, dto: ApprovalDto): Promise<ApprovalResultDto> {
    const fingerprint = this.steps.fingerprint('approval', dto);
    const order = await this.steps.order(token);
    const known = this.answerWithoutSoisy(order, fingerprint);
    if (known) return known;
    const claimed = await this.steps.claim(order, 'approval');
    if (!claimed) {
      // Another request got there first: its answer once stored, else why not now.
      const current = await this.steps.order(token);
      return this.answerWithoutSoisy(current, fingerprint) ?? this.steps.inProgress(current);
    }
    const { claim, order: current } = claimed;
    let outcome: ApprovalOutcome;
    try {
      outcome = await this.requestApproval(current, dto);
    } catch (error) {
      throw await this.steps.failed(claim, error);
    }
    try {
      return approvalAnswer(await this.record(claimed, outcome, fingerprint));
    } catch (error) {
      throw await this.steps.failed(claim, error);
    }
  }

  /** The stored decision for a repeat of the request that got it; the order's refusal otherwise; undefined: ask Soisy. */
  private answerWithoutSoisy(order: Order, fingerprint: string): ApprovalResultDto | undefined {
    this.steps.assertNotInProgress(order);
    if (isDecided(order.status)) {
      if (order.approvalFingerprint === fingerprint) return approvalAnswer(order);
      if (!cancelledBeforeSoisyDecided(order)) throw OrderErrors.alreadyDecided(order.status);
    }
    if (order.status === 'created') throw OrderErrors.loanRequestRequired();
    if (!canRequestApproval(order.status)) throw OrderErrors.approvalNotAllowed(order.status);
    return undefined;
  }

  private requestApproval(order: IssuedOrder, dto: ApprovalDto): Promise<ApprovalOutcome> {
    const additional = order.additionalDataNeeded ? requireAdditional(dto) : undefined;
    return this.soisy.requestApproval(order.fiscalCode ?? '', {
      orderToken: order.token,
      amountCents: order.amountCents,
      instalments: order.instalments ?? 0,
      email: dto.email,
      firstname: dto.firstname,
      lastname: dto.lastname,
      mobilePhone: dto.mobilePhone,
      countryCallingCode: dto.countryCallingCode,
      address: dto.address,
      streetNumber: dto.streetNumber,
      city: dto.city,
      province: dto.province,
      postalCode: dto.postalCode,
      citizenship: dto.citizenship,
      zeroInterestRate: dto.zeroInterestRate ?? order.zeroInterestRate ?? undefined,
      additional,
    });
  }

  /** The decision, the request's fingerprint and the claim's end, committed together. */
  private record(claimed: ClaimedIssuedStep, outcome: ApprovalOutcome, fingerprint: string): Promise<Order> {
    if (!outcome.approved) {
      const refused = { to: 'refused' as const, source: 'api' as const, type: 'approval.refused', patch: { approvalFingerprint: fingerprint }, alreadyAppliedIn: REFUSED_OR_LATER };
      return this.orders.steps.complete(claimed, refused);
    }
    const { redirectUrl, netAmountCents, paymentDayOfMonth } = outcome;
    const approved = {
      to: 'approved' as const,
      source: 'api' as const,
      type: 'approval.approved',
      patch: { redirectUrl, netAmountCents, paymentDayOfMonth, approvalFingerprint: fingerprint },
      data: { netAmountCents, paymentDayOfMonth },
      alreadyAppliedIn: APPROVED_OR_LATER,
    };
    return this.orders.steps.complete(claimed, approved);
  }
}

/**
 * `cancelled` by the merchant (statusDetail ORDER.CANCELLED_BY_MERCHANT, set by the back office's
 * cancellation; the order-list report's flags never replace it) while Soisy had not decided: no
 * approval stored here, and Soisy's status as last seen short of approved. A merchant may also
 * cancel an approved order; that one Soisy did decide. Soisy's own `cancelled`, seen later, only
 * echoes the merchant's cancellation (Soisy cancelling first would have left no order to cancel here).
 */
function cancelledBeforeSoisyDecided(order: Order): boolean {
  if (order.status !== 'cancelled' || order.statusDetail !== MERCHANT_CANCELLED_DETAIL || order.approvalFingerprint !== null) return false;
  const soisyStatus = order.soisyStatus as SoisyOrderStatus | null;
  return soisyStatus === null || !APPROVED_OR_LATER.includes(LOCAL_STATUS_OF[soisyStatus]);
}

/** Soisy asked for more about the shopper at the loan request: every field is then required. */
function requireAdditional(dto: ApprovalDto): ApprovalAdditionalData {
  const missing = ADDITIONAL_DATA_FIELDS.filter((field) => dto[field] === undefined);
  if (missing.length > 0) {
    throw new ValidationFailed(
      missing.map((field) => ({ field, message: `${field} is required: Soisy asked for additional data at the loan request` })),
    );
  }
  const { residence, residenceStartDate, educationalQualification, children, salaryType, salary } = dto as Required<ApprovalDto>;
  return { residence, residenceStartDate, educationalQualification, children, salaryType, salary };
}
