import type { MerchantEventType } from '../orders/outbox/index.js';
import type { DeliveryDto, DeliveryWithAttemptsDto, MerchantEventDetailDto, MerchantEventSummaryDto } from './dto/merchant-event.dto.js';
import type { Delivery, EventWithAttempts, EventWithDeliveries } from './merchant-event.js';

/** An endpoint as shown to the back office: no query string or credentials, which may hold a token. */
export function displayEndpoint(url: string): string {
  const shown = new URL(url);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  shown.hash = '';
  return shown.toString();
}

function toDelivery(row: Delivery): DeliveryDto {
  return {
    endpoint: displayEndpoint(row.endpoint),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

export function toEventSummary(event: EventWithDeliveries): MerchantEventSummaryDto {
  return {
    id: event.id,
    type: event.type as MerchantEventType,
    orderToken: event.orderToken,
    createdAt: event.createdAt.toISOString(),
    deliveries: event.deliveries.map(toDelivery),
  };
}

export function toEventDetail(event: EventWithAttempts): MerchantEventDetailDto {
  const deliveries: DeliveryWithAttemptsDto[] = event.deliveries.map((row) => ({
    ...toDelivery(row),
    attemptLog: row.attemptLog.map((attempt) => ({
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      errorClass: attempt.errorClass,
      at: attempt.at.toISOString(),
    })),
  }));
  return { ...toEventSummary(event), deliveries, payload: event.payload };
}
