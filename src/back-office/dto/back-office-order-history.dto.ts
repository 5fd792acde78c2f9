import { ApiProperty } from '@nestjs/swagger';
import { EventSource, OrderStatus } from '../../orders/order.js';
import { BackOfficeOrderDto } from './back-office-order.dto.js';

/** One entry of an order's history as the back office sees it: who acted, and the event's data. */
export class BackOfficeOrderEventDto {
  /** What happened, e.g. `release.attempt_started`, `release.succeeded`, `order.merchant_cancelled`. */
  @ApiProperty({ example: 'release.succeeded' })
  type: string;
  @ApiProperty({ enum: OrderStatus, example: null, nullable: true })
  fromStatus: OrderStatus | null;
  @ApiProperty({ enum: OrderStatus, example: null, nullable: true })
  toStatus: OrderStatus | null;
  @ApiProperty({ enum: EventSource, example: 'api' })
  source: EventSource;
  /**
   * The back-office key's name for a back-office action (release, sync, resolution, cancellation,
   * an on-demand reconciliation), never the key; null for the storefront, Soisy's callbacks and the scheduler.
   */
  @ApiProperty({ example: 'ops-anna', nullable: true, type: String })
  actor: string | null;
  /** What the event recorded (attempt numbers, amounts in cents, a resolution's note, a cancellation's reason); never secrets. */
  @ApiProperty({ example: { resolution: 'released', note: 'Checked with Soisy support: released on 29/11' }, nullable: true, type: Object })
  data: unknown;
  @ApiProperty({ example: '2026-11-29T10:15:00.000Z' })
  at: string;
}

/** An order and its whole history, oldest event first (the back office's detail view). */
export class BackOfficeOrderHistoryDto {
  order: BackOfficeOrderDto;
  events: BackOfficeOrderEventDto[];
}
