/** The public face of the Soisy gateway; everything else in this folder is its machinery. */
export { SoisyModule } from './soisy.module.js';
export { SoisyGateway } from './soisy.gateway.js';
export { ORDER_UNKNOWN_UPSTREAM_DETAIL, SoisyError, SoisyErrorCode, type SoisyCallName } from './soisy-errors.js';
export { SOISY_RETRY_POLICY, DEFAULT_RETRY_POLICY, type RetryPolicy } from './soisy-retry.js';
export { normaliseSoisyStatus } from './soisy-status.js';
export * from './soisy.types.js';
export * from './soisy-request.types.js';
export type { SoisyOrderListEntry } from './soisy-order-list.js';
export { afterLongestCall } from './soisy-call-bound.js';
export { GATEWAY_FIELD_NAMES, withFieldNames } from './soisy-field-names.js';
