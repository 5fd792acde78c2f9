import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey } from '../common/idempotency/index.js';
import { ApprovalService } from './approval.service.js';
import { ApprovalDto } from './dto/approval.dto.js';
import { CreateOrderDto } from './dto/create-order.dto.js';
import { LoanRequestDto } from './dto/loan-request.dto.js';
import { OrderTokenParamsDto } from '../orders/order-token.params.dto.js';
import { LoanRequestService } from './loan-request.service.js';
import { OrderCreationService } from './order-creation.service.js';
import { OrderViewService } from './order-view.service.js';
import { ApprovalDocs, CreateOrderDocs, LoanRequestDocs, ViewOrderDocs } from './orders.api-docs.js';

/** The storefront's checkout. No credentials: the order token, unguessable, is the capability. */
@ApiTags('orders')
@Controller('v1/orders')
export class OrdersController {
  constructor(
    private readonly creation: OrderCreationService,
    private readonly loanRequests: LoanRequestService,
    private readonly approvals: ApprovalService,
    private readonly views: OrderViewService,
  ) {}

  @Post()
  @CreateOrderDocs()
  create(@Body() dto: CreateOrderDto, @IdempotencyKey() idempotencyKey?: string) {
    return this.creation.create(dto, idempotencyKey);
  }

  @Post(':token/loan-request')
  @LoanRequestDocs()
  requestLoan(@Param() { token }: OrderTokenParamsDto, @Body() dto: LoanRequestDto) {
    return this.loanRequests.request(token, dto);
  }

  @Post(':token/approval')
  @HttpCode(HttpStatus.OK)
  @ApprovalDocs()
  approve(@Param() { token }: OrderTokenParamsDto, @Body() dto: ApprovalDto) {
    return this.approvals.approve(token, dto);
  }

  @Get(':token')
  @ViewOrderDocs()
  view(@Param() { token }: OrderTokenParamsDto) {
    return this.views.view(token);
  }
}
