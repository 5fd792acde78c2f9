/**
 * Prefixes of an order's `statusDetail` (why it needs a human look) that the core writes for the
 * features. A kind is recognised by its prefix, so one kind never overwrites or clears another's.
 */

/** A difference with Soisy's order list (src/reconciliation/order-list-report). */
export const MISMATCH_DETAIL_PREFIX = 'RECONCILIATION.MISMATCH';

/** The merchant cancelled the order here (POST /v1/orders/{token}/cancel); Soisy must still be asked to. */
export const MERCHANT_CANCELLED_DETAIL = 'ORDER.CANCELLED_BY_MERCHANT';
