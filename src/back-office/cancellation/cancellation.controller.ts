import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { BackOfficeActor } from '../../common/auth/back-office-actor.js';
import { BackOffice } from '../../common/auth/back-office.decorator.js';
import { OrderTokenParamsDto } from '../../orders/order-token.params.dto.js';
import { CancelOrderDocs } from './cancellation.api-docs.js';
import { CancellationService } from './cancellation.service.js';
import { CancelOrderDto } from './dto/cancel-order.dto.js';
import type { CancelledOrderDto } from './dto/cancelled-order.dto.js';

@BackOffice()
@Controller('v1/orders')
export class CancellationController {
  constructor(private readonly service: CancellationService) {}

  @Post(':token/cancel')
  @HttpCode(200)
  @CancelOrderDocs()
  cancel(@Param() { token }: OrderTokenParamsDto, @Body() dto: CancelOrderDto, @BackOfficeActor() actor: string): Promise<CancelledOrderDto> {
    return this.service.cancel(token, dto, actor);
  }
}
