/** The idempotency scope of create order, whose record creation recovery completes. */
export const CREATE_ORDER_SCOPE = 'POST /v1/orders';
