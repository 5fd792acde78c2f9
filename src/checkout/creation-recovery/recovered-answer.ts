import type { SoisyOrderListEntry } from '../../soisy/index.js';
import type { CreatedOrderDto } from '../dto/created-order.dto.js';
import type { PendingAttempt } from '../../orders/orders.repository.js';

/**
 * The create-order answer of an order recovered from Soisy's list, replayed to a retry with the
 * attempt's Idempotency-Key. Soisy's list has no redirect URL, so it has none: the storefront goes
 * on with loan request and approval (the approval answers Soisy's redirect URL), see the README.
 */
export function recoveredAnswer(attempt: PendingAttempt, entry: SoisyOrderListEntry): CreatedOrderDto {
  const body: CreatedOrderDto = {
    token: entry.token,
    status: 'created',
    orderReference: attempt.orderReference,
    amount: attempt.amountCents,
    ...(attempt.instalments === null ? {} : { instalments: attempt.instalments }),
    ...(attempt.zeroInterestRate === null ? {} : { zeroInterestRate: attempt.zeroInterestRate }),
  };
  return body;
}
