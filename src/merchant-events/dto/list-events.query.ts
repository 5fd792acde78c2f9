import { ApiPropertyOptional } from '@nestjs/swagger';
import { KeysetPageQuery } from '../../common/http/keyset-page.query.js';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MERCHANT_EVENT_TYPES, type MerchantEventType } from '../../orders/outbox/index.js';

/** Filters of the back office's event list; newest first, keyset pagination. */
export class ListEventsQuery extends KeysetPageQuery {
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
}
