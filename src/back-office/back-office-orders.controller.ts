import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BackOfficeActor } from '../common/auth/back-office-actor.js';
import { BackOffice } from '../common/auth/back-office.decorator.js';
import { OrderTokenParamsDto } from '../orders/order-token.params.dto.js';
import { ListOrdersDocs, OrderHistoryDocs, SyncOrderDocs } from './back-office.api-docs.js';
import { BackOfficeOrdersService } from './back-office-orders.service.js';
import { BackOfficeOrderHistoryDto } from './dto/back-office-order-history.dto.js';
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

  @Get(':token/history')
  @OrderHistoryDocs()
  history(@Param() { token }: OrderTokenParamsDto): Promise<BackOfficeOrderHistoryDto> {
    return this.service.history(token);
  }

  @Post(':token/sync')
  @HttpCode(200)
  @SyncOrderDocs()
  sync(@Param() { token }: OrderTokenParamsDto, @BackOfficeActor() actor: string): Promise<SyncedOrderDto> {
    return this.service.syncOrder(token, actor);
  }
}
