import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '../common/errors/app-error.js';
import { OrderLimitsCheck } from '../common/order-limits.js';
import { canRequestLoan } from '../orders/order-lifecycle.js';
import type { Order } from '../orders/order.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OrderErrors } from '../orders/orders.errors.js';
import { LoanRequestFigures, SoisyGateway } from '../soisy/index.js';
import { CheckoutSteps, type ClaimedIssuedStep } from './checkout-steps.js';
import type { LoanRequestResultDto } from './dto/loan-request-result.dto.js';
import type { LoanRequestDto } from './dto/loan-request.dto.js';
import { loanRequestAnswer } from './step-answers.js';

@Injectable()
export class LoanRequestService {
  constructor(
    private readonly soisy: SoisyGateway,
    private readonly steps: CheckoutSteps,
    private readonly orders: OrdersRepository,
    private readonly limits: OrderLimitsCheck,
  ) {}

  /**
   * Soisy's offer for this shopper, for the order's amount: the token is the shopper's, and must not
   * change what the merchant charges. The term becomes the order's (the approval asks for it) unless
   * the merchant fixed it; the fiscal code is kept for the approval. One loan request per order
   * reaches Soisy at a time: the order is claimed first (ORDER.STEP_IN_PROGRESS, 409 with
   * Retry-After, while another request holds it), and a repeat of the request whose offer is stored
   * (a double click) is answered with it, without Soisy.
   */
  async request(token: string, dto: LoanRequestDto): Promise<LoanRequestResultDto> {
    this.limits.assert(dto);
    const fingerprint = this.steps.fingerprint('loan_request', dto);
    const order = await this.steps.order(token);
    const known = this.answerWithoutSoisy(order, fingerprint);
    if (known) return known;
    this.assertOrderTerms(order, dto);
    const claimed = await this.steps.claim(order, 'loan_request');
    if (!claimed) {
      // Another request got there first: its answer once stored, else why not now.
      const current = await this.steps.order(token);
      return this.answerWithoutSoisy(current, fingerprint) ?? this.steps.inProgress(current);
    }
    const { claim, order: current } = claimed;
    let figures: LoanRequestFigures;
    try {
      figures = await this.soisy.createLoanRequest({
        amountCents: current.amountCents,
        instalments: dto.instalments,
        privacy: dto.privacy,
        marketing: dto.marketing,
        fiscalCode: dto.fiscalCode,
        jobDescription: dto.jobDescription,
        actualJobEndingDate: dto.actualJobEndingDate,
        vatId: dto.vatId,
        vatCountry: dto.vatCountry,
        zeroInterestRate: dto.zeroInterestRate ?? current.zeroInterestRate ?? undefined,
      });
    } catch (error) {
      throw await this.steps.failed(claim, error);
    }
    try {
      return loanRequestAnswer(await this.record(claimed, dto, figures, fingerprint));
    } catch (error) {
      throw await this.steps.failed(claim, error);
    }
  }

  /** The stored offer for a repeat of the request that got it; the order's refusal otherwise; undefined: ask Soisy. */
  private answerWithoutSoisy(order: Order, fingerprint: string): LoanRequestResultDto | undefined {
    this.steps.assertNotInProgress(order);
    if (order.loanFingerprint === fingerprint) return loanRequestAnswer(order);
    if (!canRequestLoan(order.status)) throw OrderErrors.loanRequestNotAllowed(order.status);
    return undefined;
  }

  /** The offer, the request's fingerprint and the claim's end, committed together. */
  private record(claimed: ClaimedIssuedStep, dto: LoanRequestDto, figures: LoanRequestFigures, fingerprint: string): Promise<Order> {
    const stored = {
      instalments: dto.instalments,
      apr: figures.apr,
      instalmentAmountCents: figures.instalmentAmountCents,
      totalRepaymentCents: figures.totalRepaymentCents,
      zeroInterestRate: figures.zeroInterestRate,
      additionalDataNeeded: figures.additionalDataNeeded,
    };
    const transition = {
      to: 'requested' as const,
      source: 'api' as const,
      type: 'loan_request.created',
      patch: { ...stored, fiscalCode: dto.fiscalCode, loanFingerprint: fingerprint },
      data: { amountCents: claimed.order.amountCents, ...stored },
    };
    return this.orders.steps.complete(claimed, transition);
  }

  /** The order's amount, and the instalments when the merchant fixed them at creation (`fixedInstalments`). */
  private assertOrderTerms(order: Order, dto: LoanRequestDto): void {
    const errors: FieldError[] = [];
    if (dto.amount !== undefined && dto.amount !== order.amountCents) {
      errors.push({ field: 'amount', message: `amount must equal the order amount (${order.amountCents} cents)` });
    }
    const fixed = order.fixedInstalments;
    if (fixed !== null && dto.instalments !== fixed) {
      errors.push({ field: 'instalments', message: `instalments must equal the order's instalments (${fixed}): the merchant fixed them` });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}
