import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsBoolean, IsIn, IsInt, IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsCodiceFiscale, IsMonthYear, IsPartitaIva, normaliseCodiceFiscale, normalisePartitaIva } from '../../common/validation/italian/index.js';
import { Normalise, UpperCase } from '../../common/validation/normalise.js';
import { JOB_DESCRIPTIONS, type JobDescription } from '../../soisy/index.js';
import { CENTS } from '../../common/validation/cents.js';

const isFixedTerm = (dto: LoanRequestDto) => dto.jobDescription === 'employee_fixed_term_contract' || dto.actualJobEndingDate !== undefined;
const isEntrepreneur = (field: 'vatId' | 'vatCountry') => (dto: LoanRequestDto) => dto.jobDescription === 'entrepreneur' || dto[field] !== undefined;

export class LoanRequestDto {
  /** Number of monthly instalments; within the configured limits (default 3–60). Must equal the order's when the order fixed them. */
  @ApiProperty({ example: 12, type: 'integer' })
  @IsInt()
  instalments!: number;

  /** The order's amount in integer cents, which is what is financed; if given, it must equal it. */
  @ApiProperty({ example: 100000, type: 'integer' })
  @IsOptional()
  @IsInt(CENTS)
  amount?: number;

  /** The shopper accepted Soisy's privacy notice: must be true. */
  @ApiProperty({ example: true })
  @IsBoolean()
  @Equals(true, { message: 'privacy must be true: the shopper has to accept Soisy\'s privacy notice' })
  privacy!: boolean;

  /** The shopper accepts marketing from Soisy. */
  @IsOptional()
  @IsBoolean()
  marketing?: boolean;

  /** Codice fiscale: 16 characters with a valid check character (omocodia accepted); any case, spaces ignored. */
  @ApiProperty({ example: 'RSSMRA85T10A562S' })
  @Normalise(normaliseCodiceFiscale)
  @IsCodiceFiscale()
  fiscalCode!: string;

  @ApiProperty({ example: 'employee_open_ended_contract' })
  @IsIn(JOB_DESCRIPTIONS)
  jobDescription!: JobDescription;

  /** MM/YYYY, not in the past; required for `employee_fixed_term_contract`. */
  @ApiProperty({ example: '12/2027' })
  @ValidateIf(isFixedTerm)
  @IsMonthYear({ notBefore: 'currentMonth' })
  actualJobEndingDate?: string;

  /** Partita IVA (11 digits, valid check digit; spaces ignored); required for `entrepreneur`. */
  @ApiProperty({ example: '01114601006' })
  @Normalise(normalisePartitaIva)
  @ValidateIf(isEntrepreneur('vatId'))
  @IsPartitaIva()
  vatId?: string;

  // The OpenAPI pattern is what a request may carry; the validator checks the normalised value.
  /** Country of the VAT number, two letters (any case: `it` becomes `IT`); required for `entrepreneur`. */
  @ApiProperty({ example: 'IT', pattern: '^\\s*[A-Za-z]{2}\\s*$' })
  @UpperCase()
  @ValidateIf(isEntrepreneur('vatCountry'))
  @Matches(/^[A-Z]{2}$/, { message: 'vatCountry must be two upper-case letters (e.g. IT)' })
  vatCountry?: string;

  /** Interest-free financing. Omitted: the shop's own setting. */
  @IsOptional()
  @IsBoolean()
  zeroInterestRate?: boolean;
}
