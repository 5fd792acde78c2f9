import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCodiceFiscale } from '../../common/validation/italian/index.js';

export const PROVINCE = /^[A-Z]{2}$/;
export const POSTAL_CODE = /^\d{5}$/;
/** Soisy takes the number without its country prefix (that is `countryCallingCode`). */
export const MOBILE_PHONE = /^\d{6,15}$/;

/**
 * The shopper, to pre-fill Soisy's funnel. Every field is optional (send what the storefront
 * knows). Sent to Soisy only: this service stores none of it but the fiscal code, and logs none.
 */
export class OrderCustomerDto {
  @ApiProperty({ example: 'mario.rossi@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ example: 'Mario' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstname?: string;

  @ApiProperty({ example: 'Rossi' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastname?: string;

  /** Codice fiscale: 16 characters with a valid check character (omocodia accepted). */
  @ApiProperty({ example: 'RSSMRA85T10A562S' })
  @IsOptional()
  @IsCodiceFiscale()
  fiscalCode?: string;

  /** Digits only, without the country prefix. */
  @ApiProperty({ example: '3331234567' })
  @IsOptional()
  @Matches(MOBILE_PHONE, { message: 'mobilePhone must be 6 to 15 digits, without the country prefix' })
  mobilePhone?: string;

  /** The street, without the civic number. */
  @ApiProperty({ example: 'Via Roma' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;

  @ApiProperty({ example: '12/B' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  civicNumber?: string;

  @ApiProperty({ example: 'Milano' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string;

  /** Two upper-case letters (sigla), e.g. MI. */
  @ApiProperty({ example: 'MI' })
  @IsOptional()
  @Matches(PROVINCE, { message: 'province must be two upper-case letters (e.g. MI)' })
  province?: string;

  /** CAP: five digits. */
  @ApiProperty({ example: '20121' })
  @IsOptional()
  @Matches(POSTAL_CODE, { message: 'postalCode must be five digits' })
  postalCode?: string;
}
