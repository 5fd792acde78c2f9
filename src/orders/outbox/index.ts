export { appendMerchantEvent, MerchantEventOutbox } from './merchant-event-outbox.repository.js';
export type { AppendedMerchantEvent, MerchantEventInput, MerchantEventPayload } from './merchant-event-outbox.repository.js';
export { MerchantEventOutboxModule } from './merchant-event-outbox.module.js';
export { merchantEventTypeFor } from './merchant-event-mapping.js';
export type { InternalOrderEvent } from './merchant-event-mapping.js';
export { isMerchantEventType, MERCHANT_EVENT_TYPES } from '../../common/merchant-event-types.js';
export type { MerchantEventType } from '../../common/merchant-event-types.js';
