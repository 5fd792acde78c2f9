import { ApiProperty } from '@nestjs/swagger';
import { OrderStatus } from '../../orders/order.js';

/** Soisy's decision. A refusal is an answer (offer another payment method), not an error. */
export class ApprovalResultDto {
  @ApiProperty({ example: true })
  approved!: boolean;

  /**
   * The order's status as stored once the decision was recorded: `approved` or `refused`, or a later
   * status when Soisy's callbacks moved the order on first (e.g. `completed` when the shopper
   * finished in Soisy's funnel before this answer was written).
   */
  @ApiProperty({ example: 'approved', enum: OrderStatus })
  status!: OrderStatus;

  /** When approved: the shopper must now be sent here (documents, identity check, signature). */
  @ApiProperty({ example: 'https://shop.sandbox.soisy.it/partnershop#/loan-request?token=a1b2c3d4e5f6a7b8c9d0' })
  redirectUrl?: string;

  /** When approved: what the merchant is credited, cents. */
  @ApiProperty({ example: 98000 })
  netAmount?: number;

  /** When approved: the day of the month instalments are collected. */
  @ApiProperty({ example: 15 })
  paymentDayOfMonth?: number;
}
