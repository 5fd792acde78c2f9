/**
 * What the cancel answer and its OpenAPI docs tell the merchant. Soisy's API documents no cancel,
 * refund or order-update call (../shared/SOISY_API.md § Not in the API); the only contact its
 * documentation names for suspended orders is partner support (soisy-docs/match-trigger.txt).
 */
export const SOISY_CANCELLATION_ACTION =
  'Soisy has no public cancel call: this order is cancelled in this service only. It will never be released here (no match-trigger '
  + 'is sent, so a suspended order\'s financing is not started by us), but at Soisy the order and any loan request stay as they are. '
  + 'Ask Soisy partner support (partner@soisy.it) to cancel the order, quoting its token and orderReference, and refund the shopper '
  + 'any payment taken outside Soisy. Until Soisy cancels it, Soisy may still contact the shopper; a later Soisy status is recorded '
  + 'on the order but does not reopen it.';
