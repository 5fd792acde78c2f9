import { ApiPropertyOptional } from '@nestjs/swagger';
import { KeysetPageQuery } from '../../common/http/keyset-page.query.js';
import { IsIn, IsOptional } from 'class-validator';
import { OrderStatus } from '../../orders/order.js';
import { IsIsoInstant, IsNotAfter } from '../../common/validation/iso-instant.js';

/** Filters of the back office's order list; newest first, keyset pagination. */
export class ListOrdersQuery extends KeysetPageQuery {
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
}
