/**
 * What the shopper does in Soisy's web app (documents, KYC, signature), reduced to two buttons.
 * Completing runs the sandbox evaluation if the API has not done it yet, then signs the loan.
 */
import type { EmulatorContext } from './context.js';
import { emitEvent } from './lifecycle.js';
import { netAmount } from './quotes.js';
import type { Order } from './state.js';

export interface FunnelResult {
  outcome: 'completed' | 'refused' | 'abandoned';
  status: string;
  /** Where the browser goes next: the order's successUrl or errorUrl. */
  redirectUrl: string;
}

function destination(context: EmulatorContext, order: Order, outcome: FunnelResult['outcome']): string {
  const merchantUrl = outcome === 'completed' ? order.successUrl : order.errorUrl;
  return merchantUrl ?? `${context.baseUrl()}/funnel/finished?outcome=${outcome}`;
}

function finish(context: EmulatorContext, order: Order, outcome: FunnelResult['outcome']): FunnelResult {
  return { outcome, status: order.status, redirectUrl: destination(context, order, outcome) };
}

export interface ShopperChoice {
  amount?: number;
  instalments?: number;
}

/** The shopper's choice counts only where the order left it open; undefined when no amount is known. */
export function completeFunnel(context: EmulatorContext, order: Order, choice: ShopperChoice = {}): FunnelResult | undefined {
  if (order.status === 'cancelled') return finish(context, order, 'refused');
  if (order.status === 'quote' || order.status === 'request_received') {
    const loanAmount = order.loanAmount ?? choice.amount;
    if (loanAmount === undefined) return undefined;
    order.loanAmount = loanAmount;
    if (!order.instalmentsFixed && choice.instalments !== undefined) order.instalmentsNumber = choice.instalments;
    if (loanAmount > context.options.approvalLimit) {
      emitEvent(context, order, 'UserWasRejected');
      return finish(context, order, 'refused');
    }
    order.loanNetAmount = netAmount(loanAmount, order.zeroInterestRate);
    emitEvent(context, order, 'LoanWasApproved');
  }
  if (order.status === 'request_accepted') emitEvent(context, order, 'RequestCompleted');
  order.funnelOutcome = 'completed';
  return finish(context, order, 'completed');
}

/** The shopper leaves: Soisy tells the merchant nothing, the order just stays where it was. */
export function abandonFunnel(context: EmulatorContext, order: Order): FunnelResult {
  order.funnelOutcome = 'abandoned';
  context.state.touch(order);
  return finish(context, order, 'abandoned');
}
