import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUrl, Matches, ValidateNested } from 'class-validator';
import { OrderCustomerDto } from './order-customer.dto.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateOrderDto {
  /** The order total in integer euro cents; within the configured limits (default 10000–1500000). */
  @ApiProperty({ example: 100000 })
  @IsInt()
  amount!: number;

  /** Fixes the number of instalments (the shopper cannot change it); within the configured limits (default 3–60). */
  @ApiProperty({ example: 12 })
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

  @IsOptional()
  @ValidateNested()
  @Type(() => OrderCustomerDto)
  customer?: OrderCustomerDto;
}
