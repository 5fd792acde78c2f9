import { ApiProperty } from '@nestjs/swagger';
import { OrderViewDto } from '../../orders/order-view.dto.js';
import { MERCHANT_EVENT_TYPES, type MerchantEventType } from '../../orders/outbox/index.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../merchant-event.js';
import { EVENT_TYPES_DESCRIPTION } from './merchant-event-type-docs.js';

/** One POST to an endpoint. */
export class DeliveryAttemptDto {
  /** The endpoint's HTTP status; null when no answer came. */
  @ApiProperty({ example: 500, nullable: true })
  statusCode!: number | null;

  /** Milliseconds. */
  @ApiProperty({ example: 112 })
  durationMs!: number;

  /** null: delivered. Else `http_<status>`, `timeout`, `connection_refused`, `connection_reset`, `dns`, `tls`, `network`. */
  @ApiProperty({ example: 'http_500', nullable: true })
  errorClass!: string | null;

  @ApiProperty({ example: '2026-11-29T10:21:04.120Z' })
  at!: string;
}

/** The event to one endpoint (a resend adds another). */
export class DeliveryDto {
  /** The endpoint's URL, without query or credentials. */
  @ApiProperty({ example: 'https://erp.example.com/soisy/events' })
  endpoint!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'pending' })
  status!: DeliveryStatus;

  /** POSTs made so far. */
  @ApiProperty({ example: 2 })
  attempts!: number;

  /** When the next POST is due (pending only). */
  @ApiProperty({ example: '2026-11-29T10:22:04.120Z', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ example: 'http_500', nullable: true })
  lastError!: string | null;

  @ApiProperty({ example: null, nullable: true })
  deliveredAt!: string | null;
}

export class DeliveryWithAttemptsDto extends DeliveryDto {
  /** Oldest first. */
  attemptLog!: DeliveryAttemptDto[];
}

/**
 * What an endpoint receives: the body of the POST, signed with the Standard Webhooks headers
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`; README § Merchant events).
 */
export class MerchantEventPayloadDto {
  /** Unique per event and the same on every retry and resend (the `webhook-id` header): deduplicate on it. */
  @ApiProperty({ format: 'uuid', example: '0b9f6d1e-4c1a-4a7e-9a43-2f1d8c7b5e10' })
  id!: string;

  @ApiProperty({ enum: MERCHANT_EVENT_TYPES, example: 'order.approved', description: EVENT_TYPES_DESCRIPTION })
  type!: MerchantEventType;

  /** When the change was recorded (ISO 8601, UTC). */
  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:21:03.120Z' })
  createdAt!: string;

  // Explicit type: the order view lives in another module and must appear as its schema, not as `object`.
  /** The order as GET /v1/orders/{token} returns it then: fiscal code masked, no secrets. */
  @ApiProperty({ type: () => OrderViewDto })
  data!: OrderViewDto;
}

export class MerchantEventSummaryDto {
  @ApiProperty({ example: '0b9f6d1e-4c1a-4a7e-9a43-2f1d8c7b5e10' })
  id!: string;

  @ApiProperty({ enum: MERCHANT_EVENT_TYPES, example: 'order.approved' })
  type!: MerchantEventType;

  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  orderToken!: string;

  @ApiProperty({ example: '2026-11-29T10:21:03.120Z' })
  createdAt!: string;

  /** Empty when no endpoint was configured for its type. */
  deliveries!: DeliveryDto[];
}

export class MerchantEventDetailDto extends MerchantEventSummaryDto {
  declare deliveries: DeliveryWithAttemptsDto[];

  /** Exactly the body POSTed to the endpoints. */
  payload!: MerchantEventPayloadDto;
}

export class MerchantEventPageDto {
  items!: MerchantEventSummaryDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  @ApiProperty({ example: 'eyJzIjoiMTIifQ', nullable: true })
  nextCursor!: string | null;
}
