import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/app-error.js';
import type { OrderStatus } from '../generated/prisma/enums.js';
import { ApprovalAdditionalData, SoisyGateway } from '../soisy/index.js';
import { CheckoutSteps } from './checkout-steps.js';
import type { ApprovalResultDto } from './dto/approval-result.dto.js';
import { ADDITIONAL_DATA_FIELDS, ApprovalDto } from './dto/approval.dto.js';
import { APPROVED_OR_LATER, canRequestApproval, isDecided } from './order-lifecycle.js';
import { OrdersRepository } from './orders.repository.js';
import { OrderErrors } from './orders.errors.js';

/** Where Soisy's callbacks may already have taken a refused order while the approval call was answering. */
const REFUSED_OR_LATER: readonly OrderStatus[] = ['refused', 'cancelled'];

@Injectable()
export class ApprovalService {
  constructor(
    private readonly soisy: SoisyGateway,
    private readonly steps: CheckoutSteps,
    private readonly orders: OrdersRepository,
  ) {}

  /** Soisy decides once per request: a decided order is answered here, without asking Soisy again. */
  async approve(token: string, dto: ApprovalDto): Promise<ApprovalResultDto> {
    const order = await this.steps.order(token);
    if (isDecided(order.status)) throw OrderErrors.alreadyDecided(order.status);
    if (order.status === 'created') throw OrderErrors.loanRequestRequired();
    if (!canRequestApproval(order.status)) throw OrderErrors.approvalNotAllowed(order.status);
    const additional = order.additionalDataNeeded ? requireAdditional(dto) : undefined;
    let outcome;
    try {
      outcome = await this.soisy.requestApproval(order.fiscalCode ?? '', {
        orderToken: token,
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
    } catch (error) {
      throw await this.steps.failed(order, 'approval', error);
    }
    if (!outcome.approved) {
      await this.orders.transition(order.id, { to: 'refused', source: 'api', type: 'approval.refused', alreadyAppliedIn: REFUSED_OR_LATER });
      return { approved: false, status: 'refused' };
    }
    const { redirectUrl, netAmountCents, paymentDayOfMonth } = outcome;
    const patch = { redirectUrl, netAmountCents, paymentDayOfMonth };
    await this.orders.transition(order.id, {
      to: 'approved',
      source: 'api',
      type: 'approval.approved',
      patch,
      data: { netAmountCents, paymentDayOfMonth },
      alreadyAppliedIn: APPROVED_OR_LATER,
    });
    return { approved: true, status: 'approved', redirectUrl, netAmount: netAmountCents, paymentDayOfMonth };
  }
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

