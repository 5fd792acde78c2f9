import { ApiProperty } from '@nestjs/swagger';
import { EventSource, OrderStatus, ReleaseStatus } from './order.js';

export class OrderEventDto {
  /** What happened, e.g. `order.created`, `loan_request.created`, `approval.approved`. */
  @ApiProperty({ example: 'loan_request.created' })
  type!: string;

  @ApiProperty({ enum: OrderStatus, example: 'created', nullable: true })
  fromStatus!: OrderStatus | null;

  @ApiProperty({ enum: OrderStatus, example: 'requested', nullable: true })
  toStatus!: OrderStatus | null;

  @ApiProperty({ enum: EventSource, example: 'api' })
  source!: EventSource;

  @ApiProperty({ example: '2025-06-15T10:21:03.120Z' })
  at!: string;
}

/**
 * What the storefront and the merchant's events see of the order's release (Soisy match-trigger of a
 * suspended order). Attempts, errors and the operator's name are the back office's (GET /v1/orders/{token}/history).
 */
export class OrderReleaseViewDto {
  /**
   * `none` (never released), `scheduled`, `in_progress` (a match-trigger is being sent), `released`,
   * `failed` (Soisy refused it; may be released again), `unknown` (a match-trigger may have reached
   * Soisy unanswered; an operator resolves it).
   */
  @ApiProperty({ enum: ReleaseStatus, example: 'released' })
  status!: ReleaseStatus;

  /** Integer euro cents released, or to be released; null before any release was asked for. */
  @ApiProperty({ example: 100000, nullable: true, type: Number })
  amount!: number | null;

  /**
   * When the order was released (ISO 8601): the instant Soisy answered the match-trigger, or, for a
   * release an operator resolved as `released`, the instant of that resolution (when Soisy acted on
   * the unanswered call is not known here). Null unless `status` is `released`.
   */
  @ApiProperty({ example: '2025-06-20T08:00:01.250Z', nullable: true, type: String })
  releasedAt!: string | null;

  /**
   * True when the current outcome was set by an operator's resolution of an unknown outcome
   * (POST /v1/orders/{token}/release/resolution), not by Soisy's answer; false otherwise.
   */
  @ApiProperty({ example: false })
  resolvedByOperator!: boolean;
}

/** The order as this service knows it. The fiscal code is masked; no secrets, no personal data. */
export class OrderViewDto {
  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  token!: string;

  @ApiProperty({ example: 'ORD-2025-000123' })
  orderReference!: string;

  @ApiProperty({ enum: OrderStatus, example: 'approved' })
  status!: OrderStatus;

  /** Cents. */
  @ApiProperty({ example: 100000 })
  amount!: number;

  @ApiProperty({ example: 12, nullable: true })
  instalments!: number | null;

  zeroInterestRate!: boolean | null;

  /** First six characters and the last; the rest masked. */
  @ApiProperty({ example: 'RSSMRA*********S', nullable: true })
  fiscalCode!: string | null;

  /** TAEG, percent. */
  @ApiProperty({ example: 10.36, nullable: true })
  apr!: number | null;

  @ApiProperty({ example: 8787, nullable: true })
  instalmentAmount!: number | null;

  @ApiProperty({ example: 105444, nullable: true })
  totalRepayment!: number | null;

  additionalDataNeeded!: boolean | null;

  @ApiProperty({ example: 98000, nullable: true })
  netAmount!: number | null;

  @ApiProperty({ example: 15, nullable: true })
  paymentDayOfMonth!: number | null;

  @ApiProperty({ example: 'https://shop.sandbox.soisy.it/partnershop#/loan-request?token=a1b2c3d4e5f6a7b8c9d0', nullable: true })
  redirectUrl!: string | null;

  /** The release of a suspended order (match-trigger); status `none` for an order never released. */
  release!: OrderReleaseViewDto;

  @ApiProperty({ example: '2025-06-15T10:20:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2025-06-15T10:22:41.000Z' })
  updatedAt!: string;

  /** Oldest first. */
  events!: OrderEventDto[];
}
