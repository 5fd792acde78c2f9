import { ApiProperty } from '@nestjs/swagger';

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

  @ApiProperty({ example: 'requested' })
  status!: 'requested';
}
