import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsMonthYear } from '../../common/validation/italian/index.js';
import {
  CHILDREN, CITIZENSHIPS, EDUCATIONAL_QUALIFICATIONS, RESIDENCES, SALARY_TYPES,
  type Children, type Citizenship, type EducationalQualification, type Residence, type SalaryType,
} from '../../soisy/index.js';

/**
 * The shopper's details for Soisy's decision; sent to Soisy, never stored or logged here. The six
 * fields from `residence` to `salary` are required when the loan request answered
 * `additionalDataNeeded: true`, and ignored otherwise.
 */
export class ApprovalDto {
  @ApiProperty({ example: 'mario.rossi@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Mario' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstname!: string;

  @ApiProperty({ example: 'Rossi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastname!: string;

  /** Digits only, without the country prefix. */
  @ApiProperty({ example: '3331234567' })
  @Matches(/^\d{6,15}$/, { message: 'mobilePhone must be 6 to 15 digits, without the country prefix' })
  mobilePhone!: string;

  /** Default +39. */
  @ApiProperty({ example: '+39' })
  @IsOptional()
  @Matches(/^\+\d{1,4}$/, { message: 'countryCallingCode must be + and 1 to 4 digits (e.g. +39)' })
  countryCallingCode?: string;

  /** The street only: no commas, no number (that is `streetNumber`). */
  @ApiProperty({ example: 'Via Roma' })
  @Matches(/^[^,\d]{2,200}$/, { message: 'address must be the street only, without commas or numbers' })
  address!: string;

  @ApiProperty({ example: '12' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  streetNumber!: string;

  @ApiProperty({ example: 'Milano' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;

  /** Two upper-case letters (sigla), e.g. MI. */
  @ApiProperty({ example: 'MI' })
  @Matches(/^[A-Z]{2}$/, { message: 'province must be two upper-case letters (e.g. MI)' })
  province!: string;

  /** CAP: five digits. */
  @ApiProperty({ example: '20121' })
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

  /** Whole euros (not cents), per `salaryType`. */
  @ApiProperty({ example: 1800 })
  @IsOptional()
  @IsInt()
  @Min(0)
  salary?: number;
}

export const ADDITIONAL_DATA_FIELDS = ['residence', 'residenceStartDate', 'educationalQualification', 'children', 'salaryType', 'salary'] as const;
