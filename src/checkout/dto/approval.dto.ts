import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsStreet } from '../../common/validation/address/street-address.js';
import { IsItalianProvince, IsMonthYear, normaliseProvince } from '../../common/validation/italian/index.js';
import { Normalise, NormaliseEmail, Trim } from '../../common/validation/normalise.js';
import { CountryCallingCodeField, MobilePhoneField } from '../../common/validation/phone/mobile-phone.decorators.js';
import {
  CHILDREN, CITIZENSHIPS, EDUCATIONAL_QUALIFICATIONS, RESIDENCES, SALARY_TYPES,
  type Children, type Citizenship, type EducationalQualification, type Residence, type SalaryType,
} from '../../soisy/index.js';

/** The largest salary (whole euros) accepted. */
const SALARY_MAX = 99_999_999;

/**
 * The shopper's details for Soisy's decision; sent to Soisy, never stored or logged here. The six
 * fields from `residence` to `salary` are required when the loan request answered
 * `additionalDataNeeded: true`, and ignored otherwise. Spaces around text fields are removed and
 * identifiers normalised (see each field) before validation: Soisy gets the normalised values.
 */
export class ApprovalDto {
  @ApiProperty({ example: 'mario.rossi@example.com' })
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Mario' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstname!: string;

  @ApiProperty({ example: 'Rossi' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastname!: string;

  /**
   * A mobile number (Soisy texts it), as the shopper typed it: `333 1234567`, `+39 333 1234567`,
   * `0039 333 1234567`, `393331234567`, with spaces, dots, dashes or brackets. Soisy receives the
   * national number. Another country's mobile needs its prefix (`+41 79 123 45 67`) or
   * `countryCallingCode`. Landlines and service numbers are refused.
   */
  @ApiProperty({ example: '+39 333 123 4567' })
  @MobilePhoneField()
  mobilePhone!: string;

  /** The mobile number's country calling code; default: the number's own prefix, else +39. Soisy receives the number's. */
  @ApiProperty({ example: '+39' })
  @IsOptional()
  @CountryCallingCodeField()
  countryCallingCode?: string;

  /**
   * The street, without commas and without the civic number (that is `streetNumber`). Numbers that
   * are part of the name are fine: "Via 20 Settembre", "Strada Statale 16 Adriatica".
   */
  @ApiProperty({ example: 'Via 20 Settembre' })
  @Trim()
  @IsStreet('streetNumber')
  @MaxLength(200)
  address!: string;

  @ApiProperty({ example: '12' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  streetNumber!: string;

  @ApiProperty({ example: 'Milano' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;

  // The OpenAPI pattern is what a request may carry; the validator checks the normalised value.
  /** An Italian province's sigla, e.g. MI (any case: `mi` becomes `MI`); one of the 107 current ones, SU included. */
  @ApiProperty({ example: 'MI', pattern: '^\\s*[A-Za-z]{2}\\s*$' })
  @Normalise(normaliseProvince)
  @IsItalianProvince()
  province!: string;

  /** CAP: five digits (spaces around removed). */
  @ApiProperty({ example: '20121', pattern: '^\\s*\\d{5}\\s*$' })
  @Trim()
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode!: string;

  @ApiProperty({ example: 'italian' })
  @IsIn(CITIZENSHIPS)
  citizenship!: Citizenship;

  /** Interest-free financing. Omitted: the shop's own setting. */
  @IsOptional()
  @IsBoolean()
  zeroInterestRate?: boolean;

  @ApiProperty({ example: 'rent' })
  @IsOptional()
  @IsIn(RESIDENCES)
  residence?: Residence;

  /** MM/YYYY, not in the future: since when the shopper lives there. */
  @ApiProperty({ example: '03/2019' })
  @IsOptional()
  @IsMonthYear({ notAfter: 'currentMonth' })
  residenceStartDate?: string;

  @ApiProperty({ example: 'diploma' })
  @IsOptional()
  @IsIn(EDUCATIONAL_QUALIFICATIONS)
  educationalQualification?: EducationalQualification;

  @ApiProperty({ example: '0' })
  @IsOptional()
  @IsIn(CHILDREN)
  children?: Children;

  @ApiProperty({ example: 'net-monthly' })
  @IsOptional()
  @IsIn(SALARY_TYPES)
  salaryType?: SalaryType;

  /** Whole euros (not cents), per `salaryType`: 0 to 99,999,999. */
  @ApiProperty({ example: 1800, minimum: 0, maximum: SALARY_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  // Beyond any salary, monthly or yearly; without it 1e300 passes as an integer and reaches Soisy as 1e+300.
  @Max(SALARY_MAX)
  salary?: number;
}

export const ADDITIONAL_DATA_FIELDS = ['residence', 'residenceStartDate', 'educationalQualification', 'children', 'salaryType', 'salary'] as const;
