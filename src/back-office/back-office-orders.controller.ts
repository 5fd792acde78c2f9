import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BackOffice } from '../common/auth/back-office.decorator.js';
import { OrderTokenParamsDto } from '../orders/order-token.params.dto.js';
import { ListOrdersDocs, SyncOrderDocs } from './back-office.api-docs.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';
import { OrderPageDto } from './dto/back-office-order.dto.js';
import { ListOrdersQuery } from './dto/list-orders.query.js';
import { SyncedOrderDto } from './dto/synced-order.dto.js';

@BackOffice()
@Controller('v1/orders')
export class BackOfficeOrdersController {
  constructor(private readonly service: BackOfficeOrdersService) {}

  @Get()
  @ListOrdersDocs()
  list(@Query() query: ListOrdersQuery): Promise<OrderPageDto> {
    return this.service.listOrders(query);
  }

  @Post(':token/sync')
  @HttpCode(200)
  @SyncOrderDocs()
  sync(@Param() { token }: OrderTokenParamsDto): Promise<SyncedOrderDto> {
    return this.service.syncOrder(token);
  }
}
