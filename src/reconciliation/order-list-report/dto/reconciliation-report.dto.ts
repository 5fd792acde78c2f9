import { ApiProperty } from '@nestjs/swagger';
import { OrderStatus } from '../../../orders/order.js';

const SOISY_STATUSES = ['quote', 'request_received', 'request_accepted', 'waiting_for_verification', 'waiting_for_disbursement', 'disbursed', 'cancelled'];

/** An order Soisy has and this service does not know by its token. Only what finds it at Soisy: no personal data. */
export class OrphanDto {
  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  token: string;
  @ApiProperty({ example: 'ORD-2025-000123', nullable: true, type: String })
  orderReference: string | null;
  /** Soisy's status, normalised; null for a status this service does not know. */
  @ApiProperty({ enum: SOISY_STATUSES, nullable: true, example: 'quote' })
  soisyStatus: string | null;
  /** Integer euro cents, as Soisy lists it. */
  @ApiProperty({ example: 100000, nullable: true, type: Number })
  amount: number | null;
  /** When Soisy created the order (ISO 8601). */
  @ApiProperty({ example: '2026-11-29T09:58:12.000Z', nullable: true, type: String })
  createdAt: string | null;
  /**
   * Our order with the same reference, if any: `pending` = its create-order answer was lost and
   * creation recovery has not adopted it yet; `failed` = we concluded Soisy never created it.
   */
  @ApiProperty({ enum: OrderStatus, nullable: true, example: 'pending' })
  localStatus: OrderStatus | null;
}

/**
 * One of our orders whose status or amounts differ from Soisy's list. Its `statusDetail` says so too
 * (`RECONCILIATION.MISMATCH: …`) unless it already holds a detail of another kind, which is left as
 * is: e.g. `ORDER.CANCELLED_BY_MERCHANT` (a merchant-cancelled order Soisy disbursed) or a callback's
 * disbursed-amount flag. The report is then the only place that shows the mismatch.
 */
export class MismatchDto {
  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  token: string;
  @ApiProperty({ example: 'ORD-2025-000124' })
  orderReference: string;
  @ApiProperty({ enum: ['status', 'amount', 'netAmount'], isArray: true, example: ['status'] })
  differences: string[];
  @ApiProperty({ enum: OrderStatus, example: 'requested' })
  localStatus: OrderStatus;
  @ApiProperty({ enum: SOISY_STATUSES, nullable: true, example: 'request_accepted' })
  soisyStatus: string | null;
  /** Ours, integer euro cents. */
  @ApiProperty({ example: 100000 })
  amount: number;
  /** Soisy's loan amount, integer euro cents. */
  @ApiProperty({ example: 100000, nullable: true, type: Number })
  soisyAmount: number | null;
  /** What the merchant is credited, ours (integer euro cents; null before approval). */
  @ApiProperty({ example: null, nullable: true, type: Number })
  netAmount: number | null;
  @ApiProperty({ example: 98000, nullable: true, type: Number })
  soisyNetAmount: number | null;
}

/**
 * An order the merchant cancelled here (`POST /v1/orders/{token}/cancel`, statusDetail
 * `ORDER.CANCELLED_BY_MERCHANT`) that Soisy still lists as open. Expected, since Soisy has no cancel
 * call, so not a mismatch; nothing is written on the order. Ask Soisy partner support to cancel each
 * on Soisy's side; it leaves this list once Soisy lists it as `cancelled`.
 */
export class CancelledHereOnlyDto {
  @ApiProperty({ example: 'b2c3d4e5f6a7b8c9d0e1' })
  token: string;
  @ApiProperty({ example: 'ORD-2025-000125' })
  orderReference: string;
  /** Soisy's status, normalised: any but `cancelled` (agreement) and `disbursed` (a mismatch). */
  @ApiProperty({ enum: SOISY_STATUSES.filter((status) => status !== 'cancelled' && status !== 'disbursed'), example: 'request_accepted' })
  soisyStatus: string;
  /** Ours, integer euro cents. */
  @ApiProperty({ example: 100000 })
  amount: number;
}

/** One comparison of Soisy's order list (`GET /shops/{shopId}/orders`) with this service's orders. */
export class ReconciliationReportDto {
  @ApiProperty({ example: '0f3c8a4e-2b1d-4f6a-9c7e-5d2b1a0e9f88' })
  id: string;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' })
  startedAt: string;
  @ApiProperty({ example: '2026-11-29T10:00:01.250Z' })
  finishedAt: string;
  /** `scheduler`, or the name of the back-office key that asked for it (never the key). */
  @ApiProperty({ example: 'ops-anna' })
  requestedBy: string;
  /** Orders in Soisy's list. */
  @ApiProperty({ example: 1250 })
  soisyOrders: number;
  @ApiProperty({ example: 1 })
  orphanCount: number;
  @ApiProperty({ example: 1 })
  mismatchCount: number;
  /** Merchant cancellations Soisy still lists as open (see `cancelledHereOnly`). */
  @ApiProperty({ example: 1 })
  cancelledHereOnlyCount: number;
  /** True when more were found than the report lists (the first 1000 of each are listed; the counts are complete). */
  @ApiProperty({ example: false })
  truncated: boolean;
  @ApiProperty({ type: [OrphanDto] })
  orphans: OrphanDto[];
  @ApiProperty({ type: [MismatchDto] })
  mismatches: MismatchDto[];
  @ApiProperty({ type: [CancelledHereOnlyDto] })
  cancelledHereOnly: CancelledHereOnlyDto[];
}
