import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OrderStatus } from '../../orders/order.js';
import { IsIsoInstant, IsNotAfter } from '../../common/validation/iso-instant.js';

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;

/** Filters of the back office's order list; newest first, keyset pagination. */
export class ListOrdersQuery {
  /** Only orders in this local status. */
  @ApiPropertyOptional({ enum: OrderStatus })
  @IsOptional()
  @IsIn(Object.values(OrderStatus))
  status?: OrderStatus;

  /**
   * Orders created at or after this instant (ISO 8601 date-time with Z or an offset, 1970–9999).
   * @example "2026-11-01T00:00:00Z"
   */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoInstant()
  @IsNotAfter('to')
  from?: string;

  /** Orders created before this instant (ISO 8601 date-time with Z or an offset, 1970–9999; exclusive). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Page size, 1 to 100. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIST_LIMIT_MAX)
  limit?: number = LIST_LIMIT_DEFAULT;
}
