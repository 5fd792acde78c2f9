import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '../common/errors/app-error.js';
import type { Order } from '../generated/prisma/client.js';
import { SoisyGateway } from '../soisy/index.js';
import { CheckoutSteps } from './checkout-steps.js';
import type { LoanRequestResultDto } from './dto/loan-request-result.dto.js';
import type { LoanRequestDto } from './dto/loan-request.dto.js';
import { canRequestLoan } from './order-lifecycle.js';
import { OrderLimitsCheck } from './order-limits.js';
import { OrdersRepository } from './orders.repository.js';
import { OrderErrors } from './orders.errors.js';

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
   * the merchant fixed it; the fiscal code is kept for the approval.
   */
  async request(token: string, dto: LoanRequestDto): Promise<LoanRequestResultDto> {
    this.limits.assert(dto);
    const order = await this.steps.order(token);
    if (!canRequestLoan(order.status)) throw OrderErrors.loanRequestNotAllowed(order.status);
    await this.assertOrderTerms(order, dto);
    const amountCents = order.amountCents;
    const fiscalCode = dto.fiscalCode.toUpperCase();
    let figures;
    try {
      figures = await this.soisy.createLoanRequest({
        amountCents,
        instalments: dto.instalments,
        privacy: dto.privacy,
        marketing: dto.marketing,
        fiscalCode,
        jobDescription: dto.jobDescription,
        actualJobEndingDate: dto.actualJobEndingDate,
        vatId: dto.vatId,
        vatCountry: dto.vatCountry,
        zeroInterestRate: dto.zeroInterestRate ?? order.zeroInterestRate ?? undefined,
      });
    } catch (error) {
      throw await this.steps.failed(order, 'loan_request', error);
    }
    const stored = {
      instalments: dto.instalments,
      apr: figures.apr,
      instalmentAmountCents: figures.instalmentAmountCents,
      totalRepaymentCents: figures.totalRepaymentCents,
      zeroInterestRate: figures.zeroInterestRate,
      additionalDataNeeded: figures.additionalDataNeeded,
    };
    await this.orders.transition(order.id, { to: 'requested', source: 'api', type: 'loan_request.created', patch: { ...stored, fiscalCode }, data: { amountCents, ...stored } });
    return {
      apr: figures.apr,
      instalmentAmount: figures.instalmentAmountCents,
      totalRepayment: figures.totalRepaymentCents,
      zeroInterestRate: figures.zeroInterestRate,
      additionalDataNeeded: figures.additionalDataNeeded,
      status: 'requested',
    };
  }

  private async assertOrderTerms(order: Order, dto: LoanRequestDto): Promise<void> {
    const errors: FieldError[] = [];
    if (dto.amount !== undefined && dto.amount !== order.amountCents) {
      errors.push({ field: 'amount', message: `amount must equal the order amount (${order.amountCents} cents)` });
    }
    const fixed = await this.fixedInstalments(order, dto.instalments);
    if (fixed !== null && dto.instalments !== fixed) {
      errors.push({ field: 'instalments', message: `instalments must equal the order's instalments (${fixed}): the merchant fixed them` });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  /**
   * The order's instalments also hold the shopper's earlier choice once a loan request was made, so
   * only the creation's record says whether the merchant fixed them. An order created before that
   * record existed keeps its instalments: refusing a change is the safe reading.
   */
  private async fixedInstalments(order: Order, asked: number): Promise<number | null> {
    if (order.instalments === null || order.instalments === asked) return order.instalments;
    if (order.status === 'created') return order.instalments;
    const atCreation = await this.orders.instalmentsFixedAtCreation(order.id);
    return atCreation === undefined ? order.instalments : atCreation;
  }
}
