import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BackOffice } from '../../common/auth/back-office.decorator.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';
import { OrderPageDto } from './dto/back-office-order.dto.js';
import { ListOrdersQuery } from './dto/list-orders.query.js';
import { SyncedOrderDto } from './dto/synced-order.dto.js';

@BackOffice()
@Controller('v1/orders')
export class BackOfficeOrdersController {
  constructor(private readonly service: BackOfficeOrdersService) {}

  /** Orders, newest first, personal data masked. Follow `nextCursor` for the next page. */
  @Get()
  list(@Query() query: ListOrdersQuery): Promise<OrderPageDto> {
    return this.service.listOrders(query);
  }

  /** Re-reads the order's status from Soisy and applies it (event source `sync`). */
  @Post(':token/sync')
  @HttpCode(200)
  sync(@Param('token') token: string): Promise<SyncedOrderDto> {
    return this.service.syncOrder(token);
  }
}
