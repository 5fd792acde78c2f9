import { ApiProperty } from '@nestjs/swagger';
import { OrderStatus } from '../../orders/order.js';

/** Soisy's offer for the loan request, as stored with the order. */
export class LoanRequestResultDto {
  /** TAEG, percent. */
  @ApiProperty({ example: 10.36 })
  apr!: number;

  /** Monthly instalment, cents. */
  @ApiProperty({ example: 8787 })
  instalmentAmount!: number;

  /** Total the shopper repays, cents. */
  @ApiProperty({ example: 105444 })
  totalRepayment!: number;

  @ApiProperty({ example: false })
  zeroInterestRate!: boolean;

  /** When true, the approval must also carry residence, residenceStartDate, educationalQualification, children, salaryType and salary. */
  @ApiProperty({ example: false })
  additionalDataNeeded!: boolean;

  /** The order's status as stored: `requested` after a loan request (a later one if it was replayed after the order moved on). */
  @ApiProperty({ example: 'requested', enum: OrderStatus })
  status!: OrderStatus;
}
