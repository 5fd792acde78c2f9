import type { OrderStatus } from '../orders/order.js';

/** The local status each of Soisy's events claims; only Get order's answer is acted on. */
export const CLAIMED_STATUS: Readonly<Record<string, OrderStatus>> = {
  LoanWasApproved: 'approved',
  RequestCompleted: 'completed',
  LoanWasVerified: 'verified',
  LoanWasDisbursed: 'disbursed',
  UserWasRejected: 'cancelled',
};

/**
 * The amount Soisy should disburse: the released amount once a (possibly partial) release went
 * out, else the order's. Soisy's official plugins treat any other amount as a problem.
 */
export function expectedDisbursement(order: { amountCents: number; releaseStatus: string; releaseAmountCents: number | null }): number {
  return order.releaseStatus === 'released' && order.releaseAmountCents !== null ? order.releaseAmountCents : order.amountCents;
}

export function amountMismatchDetail(reported: number, expected: number): string {
  return `Soisy reported a disbursement of ${reported} cents but ${expected} cents were expected: check with Soisy before shipping.`;
}
