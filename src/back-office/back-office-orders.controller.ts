import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { BackOffice } from '../common/auth/back-office.decorator.js';
import { ApiProblem, problemExample } from '../common/errors/problem-document.dto.js';
import { OrderTokenParamsDto } from '../orders/order-token.params.dto.js';
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
  @ApiOkResponse({ type: OrderPageDto })
  @ApiProblem(400, 'A filter or the cursor is invalid', { cursor: problemExample(400, 'REQUEST.INVALID', 'The request has invalid fields.', { errors: [{ field: 'cursor', message: 'cursor must be a value returned as nextCursor' }] }) })
  list(@Query() query: ListOrdersQuery): Promise<OrderPageDto> {
    return this.service.listOrders(query);
  }

  /** Re-reads the order's status from Soisy and applies it (event source `sync`). */
  @Post(':token/sync')
  @HttpCode(200)
  @ApiOkResponse({ type: SyncedOrderDto })
  @ApiProblem(400, 'The token cannot be an order token', { token: problemExample(400, 'REQUEST.INVALID', 'The request has invalid fields.', { errors: [{ field: 'token', message: 'token must be an order token as answered by POST /v1/orders' }] }) })
  @ApiProblem(404, 'No order has this token, or Soisy does not know it', { notFound: problemExample(404, 'ORDER.NOT_FOUND', 'No order has this token.') })
  @ApiProblem(502, 'Soisy failed or refused our credentials; nothing changed', { upstream: problemExample(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.') })
  sync(@Param() { token }: OrderTokenParamsDto): Promise<SyncedOrderDto> {
    return this.service.syncOrder(token);
  }
}
