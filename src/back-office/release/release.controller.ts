import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { BackOffice } from '../../common/auth/back-office.decorator.js';
import { IdempotencyKey } from '../../common/idempotency/index.js';
import { OrderTokenParamsDto } from '../../orders/order-token.params.dto.js';
import { ReleaseOrderDto } from './dto/release-order.dto.js';
import { ReleaseOrderDocs } from './release.api-docs.js';
import { ReleaseService } from './release.service.js';

@BackOffice()
@Controller('v1/orders')
export class ReleaseController {
  constructor(private readonly service: ReleaseService) {}

  // 200 released, 202 scheduled: the service's Answer picks the status. (No JSDoc here: the Swagger plugin would make it the summary.)
  @Post(':token/release')
  @HttpCode(200)
  @ReleaseOrderDocs()
  release(@Param() { token }: OrderTokenParamsDto, @Body() dto: ReleaseOrderDto, @IdempotencyKey() key?: string) {
    return this.service.release(token, dto, key);
  }
}
