import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { BackOfficeActor } from '../../common/auth/back-office-actor.js';
import { BackOffice } from '../../common/auth/back-office.decorator.js';
import { IdempotencyKey } from '../../common/idempotency/index.js';
import { OrderTokenParamsDto } from '../../orders/order-token.params.dto.js';
import { ReleaseOrderDto } from './dto/release-order.dto.js';
import { ReleaseResolutionDto } from './dto/release-resolution.dto.js';
import { ReleaseResolutionService } from './release-resolution.service.js';
import { ReleaseOrderDocs, ReleaseResolutionDocs } from './release.api-docs.js';
import { ReleaseService } from './release.service.js';

@BackOffice()
@Controller('v1/orders')
export class ReleaseController {
  constructor(
    private readonly service: ReleaseService,
    private readonly resolutions: ReleaseResolutionService,
  ) {}

  // 200 released, 202 scheduled: the service's Answer picks the status. (No JSDoc here: the Swagger plugin would make it the summary.)
  @Post(':token/release')
  @HttpCode(200)
  @ReleaseOrderDocs()
  release(@Param() { token }: OrderTokenParamsDto, @Body() dto: ReleaseOrderDto, @BackOfficeActor() actor: string, @IdempotencyKey() key?: string) {
    return this.service.release(token, dto, actor, key);
  }

  @Post(':token/release/resolution')
  @HttpCode(200)
  @ReleaseResolutionDocs()
  resolve(@Param() { token }: OrderTokenParamsDto, @Body() dto: ReleaseResolutionDto, @BackOfficeActor() actor: string) {
    return this.resolutions.resolve(token, dto, actor);
  }
}
