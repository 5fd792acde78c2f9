import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MERCHANT_EVENT_TYPES, type MerchantEventType } from '../../orders/outbox/index.js';

export const EVENTS_LIMIT_DEFAULT = 20;
export const EVENTS_LIMIT_MAX = 100;

/** Filters of the back office's event list; newest first, keyset pagination. */
export class ListEventsQuery {
  /** Only events of this type. */
  @ApiPropertyOptional({ enum: MERCHANT_EVENT_TYPES, example: 'order.approved' })
  @IsOptional()
  @IsIn(MERCHANT_EVENT_TYPES, { message: `type must be one of: ${MERCHANT_EVENT_TYPES.join(', ')}` })
  type?: MerchantEventType;

  /** Only the events of this order (its token, as answered by POST /v1/orders). */
  @ApiPropertyOptional({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._~-]{1,128}$/, { message: 'orderToken must be an order token as answered by POST /v1/orders' })
  orderToken?: string;

  /**
   * `false`: events some endpoint has not received (still being retried, or given up);
   * `true`: events every endpoint received. Events sent nowhere (no endpoint) match neither.
   */
  @ApiPropertyOptional({ enum: ['true', 'false'], example: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'delivered must be true or false' })
  delivered?: 'true' | 'false';

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
  @Max(EVENTS_LIMIT_MAX)
  limit?: number = EVENTS_LIMIT_DEFAULT;
}
