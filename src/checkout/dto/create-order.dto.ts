// Regular expressions are written inline in the decorators so the swagger plugin can copy them into the OpenAPI patterns.
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsStreet } from '../../common/validation/address/street-address.js';
import { IsCodiceFiscale, IsItalianProvince, normaliseCodiceFiscale, normaliseProvince } from '../../common/validation/italian/index.js';
import { Normalise, NormaliseEmail, Trim } from '../../common/validation/normalise.js';
import { CountryCallingCodeField, MobilePhoneField } from '../../common/validation/phone/mobile-phone.decorators.js';
import { CENTS } from '../../common/validation/cents.js';

/**
 * The shopper, to pre-fill Soisy's funnel. Every field is optional (send what the storefront
 * knows). Sent to Soisy only: this service stores none of it but the fiscal code, and logs none.
 * Normalised as at the approval (same rules, same messages) before it is stored or sent.
 */
export class OrderCustomerDto {
  @ApiProperty({ example: 'mario.rossi@example.com' })
  @NormaliseEmail()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ example: 'Mario' })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstname?: string;

  @ApiProperty({ example: 'Rossi' })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastname?: string;

  /** Codice fiscale: 16 characters with a valid check character (omocodia accepted); any case, spaces ignored. */
  @ApiProperty({ example: 'RSSMRA85T10A562S' })
  @Normalise(normaliseCodiceFiscale)
  @IsOptional()
  @IsCodiceFiscale()
  fiscalCode?: string;

  /** A mobile number, spelled as at the approval (`+39 333 1234567`, `0039…`, `333.123.4567`); Soisy receives the national number. */
  @ApiProperty({ example: '333 123 4567' })
  @IsOptional()
  @MobilePhoneField()
  mobilePhone?: string;

  /** The mobile number's country calling code; default: the number's own prefix, else +39. */
  @ApiProperty({ example: '+39' })
  @IsOptional()
  @CountryCallingCodeField()
  countryCallingCode?: string;

  /** The street, without commas and without the civic number (that is `civicNumber`); "Via 20 Settembre" is fine. */
  @ApiProperty({ example: 'Via Roma' })
  @Trim()
  @IsOptional()
  @IsStreet('civicNumber')
  @MaxLength(200)
  address?: string;

  @ApiProperty({ example: '12/B' })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  civicNumber?: string;

  @ApiProperty({ example: 'Milano' })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string;

  // The OpenAPI pattern is what a request may carry; the validator checks the normalised value.
  /** An Italian province's sigla, e.g. MI (any case); one of the 107 current ones, SU included. */
  @ApiProperty({ example: 'MI', pattern: '^\\s*[A-Za-z]{2}\\s*$' })
  @Normalise(normaliseProvince)
  @IsOptional()
  @IsItalianProvince()
  province?: string;

  /** CAP: five digits (spaces around removed). */
  @ApiProperty({ example: '20121', pattern: '^\\s*\\d{5}\\s*$' })
  @Trim()
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode?: string;
}

// The swagger plugin resolves a nested DTO's schema only within one file under ESM, hence one file.
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateOrderDto {
  /** The order total in integer euro cents; within the configured limits (default 10000–1500000). */
  @ApiProperty({ example: 100000, type: 'integer' })
  @IsInt(CENTS)
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
