import { Global, Module } from '@nestjs/common';
import { MerchantEventOutbox } from './merchant-event-outbox.repository.js';

/** Global so the one order-event writer can inject the outbox wherever it ends up living. */
@Global()
@Module({ providers: [MerchantEventOutbox], exports: [MerchantEventOutbox] })
export class MerchantEventOutboxModule {}
