import { ApiProperty } from '@nestjs/swagger';

export class QuoteDto {
  /** Monthly instalment, cents. */
  @ApiProperty({ example: 8787 })
  instalmentAmount!: number;

  /** What the shopper repays in all, cents. */
  @ApiProperty({ example: 105444 })
  totalRepayment!: number;

  /** TAEG (annual percentage rate, fees included), percent. */
  @ApiProperty({ example: 10.36 })
  apr!: number;

  /** TAN (nominal annual rate), percent. */
  @ApiProperty({ example: 9.9 })
  interestRate!: number;

  /** Interest over the whole loan, cents. */
  @ApiProperty({ example: 5444 })
  interest!: number;

  /** Fees, cents. */
  @ApiProperty({ example: 0 })
  fee!: number;
}

/** The cheapest, typical and dearest offers Soisy may make for this amount and term. */
export class QuotesDto {
  min!: QuoteDto;
  median!: QuoteDto;
  max!: QuoteDto;
}
