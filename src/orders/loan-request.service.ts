import { Injectable } from '@nestjs/common';
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
   * Soisy's offer for this shopper. The loan's amount and term become the order's, since they are
   * what the approval asks for and what will be financed; the fiscal code is kept for the approval.
   */
  async request(token: string, dto: LoanRequestDto): Promise<LoanRequestResultDto> {
    this.limits.assert(dto);
    const order = await this.steps.order(token);
    if (!canRequestLoan(order.status)) throw OrderErrors.loanRequestNotAllowed(order.status);
    const amountCents = dto.amount ?? order.amountCents;
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
      amountCents,
      instalments: dto.instalments,
      apr: figures.apr,
      instalmentAmountCents: figures.instalmentAmountCents,
      totalRepaymentCents: figures.totalRepaymentCents,
      zeroInterestRate: figures.zeroInterestRate,
      additionalDataNeeded: figures.additionalDataNeeded,
    };
    await this.orders.transition(order.id, { to: 'requested', source: 'api', type: 'loan_request.created', patch: { ...stored, fiscalCode }, data: stored });
    return {
      apr: figures.apr,
      instalmentAmount: figures.instalmentAmountCents,
      totalRepayment: figures.totalRepaymentCents,
      zeroInterestRate: figures.zeroInterestRate,
      additionalDataNeeded: figures.additionalDataNeeded,
      status: 'requested',
    };
  }
}
