import type { Order } from '../orders/order.js';
import { maskFiscalCode } from '../orders/order-view.mapper.js';
import type { BackOfficeOrderDto } from './dto/back-office-order.dto.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Never the callback secret, redirect URLs or unmasked personal data. */
export function toBackOfficeOrder(order: Order): BackOfficeOrderDto {
  return {
    token: order.token,
    orderReference: order.orderReference,
    status: order.status,
    soisyStatus: order.soisyStatus,
    statusDetail: order.statusDetail,
    amount: order.amountCents,
    netAmount: order.netAmountCents,
    instalments: order.instalments,
    fiscalCode: maskFiscalCode(order.fiscalCode),
    release: {
      status: order.releaseStatus,
      amount: order.releaseAmountCents,
      releaseAt: iso(order.releaseAt),
      releasedAt: iso(order.releasedAt),
      attempts: order.releaseAttempts,
      nextAttemptAt: order.releaseStatus === 'scheduled' ? iso(order.releaseNextAttemptAt) : null,
      lastError: order.releaseLastError,
    },
    lastSyncedAt: iso(order.lastSyncedAt),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
