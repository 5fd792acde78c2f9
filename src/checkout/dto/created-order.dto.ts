import { ApiProperty } from '@nestjs/swagger';

export class CreatedOrderDto {
  /** Soisy's order token: the capability for the next calls. Keep it server-side or in the shopper's session. */
  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  token!: string;

  /**
   * Soisy's funnel for this order: send the shopper here for the simple integration. Absent when
   * the order was recovered from Soisy's order list after its answer was lost (the list has no
   * URL): go on with loan request and approval, whose answer carries Soisy's redirect URL.
   */
  @ApiProperty({ required: false, example: 'https://shop.sandbox.soisy.it/partnershop#/loan-request?token=a1b2c3d4e5f6a7b8c9d0' })
  redirectUrl?: string;

  @ApiProperty({ example: 'created' })
  status!: 'created';

  @ApiProperty({ example: 'ORD-2025-000123' })
  orderReference!: string;

  /** Cents. */
  @ApiProperty({ example: 100000 })
  amount!: number;

  @ApiProperty({ example: 12 })
  instalments?: number;

  zeroInterestRate?: boolean;
}
