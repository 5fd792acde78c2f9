import { MERCHANT_EVENT_TYPES, type MerchantEventType } from '../../orders/outbox/index.js';

/** What each event tells the merchant (a Record: a new type does not compile until it is documented here). */
const MEANING: Record<MerchantEventType, string> = {
  'order.created': 'Soisy issued the order (its token); the shopper can start the loan request.',
  'order.requested': 'The shopper made the loan request (instalments, APR and totals are known).',
  'order.approved': 'Soisy approved the loan; the shopper signs on Soisy\'s page next.',
  'order.refused': 'Soisy refused the loan: offer the shopper another payment method.',
  'order.completed': 'The shopper completed the loan request on Soisy\'s page (signed).',
  'order.verified': 'Soisy verified the loan: the goods can be shipped.',
  'order.disbursed': 'Soisy paid the merchant.',
  'order.cancelled': 'The order was cancelled (Soisy rejected the shopper after approval, or the merchant cancelled it: POST /v1/orders/{token}/cancel).',
  'order.expired': 'The order was abandoned: left unfinished for ORDER_EXPIRY_DAYS and Soisy confirmed nothing was happening. Final, never released.',
  'order.release.scheduled': 'A release (match-trigger) is scheduled for a later time (`releaseAt`).',
  'order.release.succeeded': 'Soisy accepted the release (match-trigger).',
  'order.release.failed': 'The release was given up (Soisy refused every attempt, or the order stopped being releasable).',
  'order.release.unknown': 'Nobody knows whether Soisy received the release: check with Soisy before retrying.',
  'order.amount_mismatch': 'Soisy reported an amount other than the order\'s; the order is flagged for a human look.',
};

/** The `type` property's description in OpenAPI: one line per event type, in MERCHANT_EVENT_TYPES order. */
export const EVENT_TYPES_DESCRIPTION = [
  'The event type. A status event is sent once when the order enters that status, whatever told us (our call, a Soisy callback, a re-sync):',
  '',
  ...MERCHANT_EVENT_TYPES.map((type) => `- \`${type}\`: ${MEANING[type]}`),
].join('\n');
