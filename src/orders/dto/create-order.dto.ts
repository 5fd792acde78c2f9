// Regular expressions are written inline in the decorators so the swagger plugin can copy them into the OpenAPI patterns.
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCodiceFiscale } from '../../common/validation/italian/index.js';

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
  @Matches(/^\d{6,15}$/, { message: 'mobilePhone must be 6 to 15 digits, without the country prefix' })
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
  @Matches(/^[A-Z]{2}$/, { message: 'province must be two upper-case letters (e.g. MI)' })
  province?: string;

  /** CAP: five digits. */
  @ApiProperty({ example: '20121' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode?: string;
}

// The swagger plugin resolves a nested DTO's schema only within one file under ESM, hence one file.
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateOrderDto {
  /** The order total in integer euro cents; within the configured limits (default 10000–1500000). */
  @ApiProperty({ example: 100000, type: 'integer' })
  @IsInt()
  amount!: number;

  /** Fixes the number of instalments (the shopper cannot change it); within the configured limits (default 3–60). */
  @ApiProperty({ example: 12, type: 'integer' })
  @IsOptional()
  @IsInt()
  instalments?: number;

  /** The merchant's own order id: unique, echoed by Soisy in callbacks. */
  @ApiProperty({ example: 'ORD-2025-000123' })
  @Matches(/^[\x21-\x7e]{1,64}$/, { message: 'orderReference must be 1 to 64 visible ASCII characters' })
  orderReference!: string;

  /** Where Soisy's funnel sends the shopper after a completed loan. */
  @ApiProperty({ example: 'https://shop.example.com/checkout/soisy/success' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  successUrl?: string;

  /** Where Soisy's funnel sends the shopper after a refused or abandoned loan. */
  @ApiProperty({ example: 'https://shop.example.com/checkout/soisy/error' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  errorUrl?: string;

  /** Interest-free financing (the merchant pays the interest). Omitted: the shop's own setting. */
  @IsOptional()
  @IsBoolean()
  zeroInterestRate?: boolean;

  // Without IsObject a list of customers passes ValidateNested and is then silently dropped.
  @IsOptional()
  @IsObject({ message: 'customer must be an object (one customer, not a list)' })
  @ValidateNested()
  @Type(() => OrderCustomerDto)
  customer?: OrderCustomerDto;
}
