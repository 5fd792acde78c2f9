export class CallbackReceiptDto {
  received: boolean;
  /** True when this (orderToken, eventId, eventDate) was received before; it was not processed again. */
  duplicate: boolean;
}
