/**
 * How Soisy's events move an order along `quote → request_received → request_accepted →
 * waiting_for_verification → waiting_for_disbursement → disbursed` (or `cancelled`), and the
 * callback that tells the merchant.
 */
import type { CallbackRecord } from './callbacks.js';
import type { EmulatorContext } from './context.js';
import type { Order, SoisyStatus } from './state.js';

export const EVENT_STATUS: Record<string, SoisyStatus> = {
  LoanWasApproved: 'request_accepted',
  RequestCompleted: 'waiting_for_verification',
  LoanWasVerified: 'waiting_for_disbursement',
  LoanWasDisbursed: 'disbursed',
  UserWasRejected: 'cancelled',
};

export const EVENT_IDS = Object.keys(EVENT_STATUS);

export function setStatus(order: Order, status: SoisyStatus): void {
  const now = new Date().toISOString();
  order.status = status;
  order.updatedAt = now;
  if (status === 'waiting_for_verification') order.loanSignedAt ??= now;
  if (status === 'waiting_for_disbursement') order.loanVerifiedAt ??= now;
  if (status === 'disbursed') order.loanDisbursedAt ??= now;
}

export interface EventExtras {
  amount?: number;
  eventDate?: string;
  eventMessage?: string;
}

/** Advances the order and notifies the merchant; `LoanWasDisbursed` carries the funded amount. */
export function emitEvent(context: EmulatorContext, order: Order, eventId: string, extras: EventExtras = {}): CallbackRecord {
  setStatus(order, EVENT_STATUS[eventId]);
  const amount = eventId === 'LoanWasDisbursed' ? (extras.amount ?? order.loanAmount ?? 0) : extras.amount;
  return context.callbacks.fire(order, eventId, { ...extras, amount });
}
