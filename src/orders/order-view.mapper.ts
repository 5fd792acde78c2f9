import type { OrderWithEvents } from './order.js';
import type { OrderViewDto } from './order-view.dto.js';

/** Enough to let the shopper recognise their code, too little to use it: first six and the last. */
export function maskFiscalCode(code: string | null): string | null {
  if (!code) return null;
  if (code.length <= 7) return '*'.repeat(code.length);
  return `${code.slice(0, 6)}${'*'.repeat(code.length - 7)}${code.slice(-1)}`;
}

/**
 * What the storefront may see of an order. Built field by field (never a spread of the row) so a
 * new column, such as a secret, cannot leak by default.
 */
export function toOrderView(order: OrderWithEvents): OrderViewDto {
  return {
    token: order.token,
    orderReference: order.orderReference,
    status: order.status,
    amount: order.amountCents,
    instalments: order.instalments,
    zeroInterestRate: order.zeroInterestRate,
    fiscalCode: maskFiscalCode(order.fiscalCode),
    apr: order.apr,
    instalmentAmount: order.instalmentAmountCents,
    totalRepayment: order.totalRepaymentCents,
    additionalDataNeeded: order.additionalDataNeeded,
    netAmount: order.netAmountCents,
    paymentDayOfMonth: order.paymentDayOfMonth,
    redirectUrl: order.redirectUrl,
    release: {
      status: order.releaseStatus,
      amount: order.releaseAmountCents,
      releasedAt: order.releasedAt?.toISOString() ?? null,
      resolvedByOperator: order.releaseResolvedBy !== null,
    },
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    events: order.events.map((event) => ({
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      source: event.source,
      at: event.createdAt.toISOString(),
    })),
  };
}
