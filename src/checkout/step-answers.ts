import type { Order } from '../orders/order.js';
import type { ApprovalResultDto } from './dto/approval-result.dto.js';
import type { LoanRequestResultDto } from './dto/loan-request-result.dto.js';

/**
 * The checkout steps answer from the order as stored, not from Soisy's reply alone: Soisy's
 * callbacks may have moved the order on before the reply was written (an approval answered while
 * the order is already `completed` says `completed`), and a repeated request is answered the same
 * way, from the same row, without calling Soisy again.
 */

/** Soisy's offer as stored by the loan request, with the order's status now. */
export function loanRequestAnswer(order: Order): LoanRequestResultDto {
  return {
    apr: Number(order.apr),
    instalmentAmount: order.instalmentAmountCents ?? 0,
    totalRepayment: order.totalRepaymentCents ?? 0,
    zeroInterestRate: order.zeroInterestRate ?? false,
    additionalDataNeeded: order.additionalDataNeeded ?? false,
    status: order.status,
  };
}

/**
 * Soisy's decision as stored by the approval, with the order's status now. Only an approval stores
 * the net amount and payment day (both always present in Soisy's approved answer, never in a
 * refusal), so they tell the two apart.
 */
export function approvalAnswer(order: Order): ApprovalResultDto {
  if (order.netAmountCents === null || order.paymentDayOfMonth === null) return { approved: false, status: order.status };
  return {
    approved: true,
    status: order.status,
    redirectUrl: order.redirectUrl ?? undefined,
    netAmount: order.netAmountCents,
    paymentDayOfMonth: order.paymentDayOfMonth,
  };
}
