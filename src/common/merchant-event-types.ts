// The merchant's contract (README § Merchant events), here rather than in src/orders/outbox because
// configuration validates endpoint subscriptions against it and src/config sits below the orders core.

/** Every event a merchant's endpoint can receive (issue 11), in the order an order usually meets them. */
export const MERCHANT_EVENT_TYPES = [
  'order.created',
  'order.requested',
  'order.approved',
  'order.refused',
  'order.completed',
  'order.verified',
  'order.disbursed',
  'order.cancelled',
  'order.expired',
  'order.release.scheduled',
  'order.release.succeeded',
  'order.release.failed',
  'order.release.unknown',
  'order.amount_mismatch',
] as const;

export type MerchantEventType = (typeof MERCHANT_EVENT_TYPES)[number];

export function isMerchantEventType(value: unknown): value is MerchantEventType {
  return typeof value === 'string' && (MERCHANT_EVENT_TYPES as readonly string[]).includes(value);
}
