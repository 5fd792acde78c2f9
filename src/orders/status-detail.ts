/**
 * Prefixes of an order's `statusDetail` (why it needs a human look) that the core writes for the
 * features. A kind is recognised by its prefix, so one kind never overwrites or clears another's.
 */

/** A difference with Soisy's order list (src/reconciliation/order-list-report). */
export const MISMATCH_DETAIL_PREFIX = 'RECONCILIATION.MISMATCH';
