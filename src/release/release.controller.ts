import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BackOffice } from '../common/auth/back-office.decorator.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey, REPLAYED_HEADER } from '../common/idempotency/index.js';
import { BackOfficeOrderDto } from '../orders/back-office/dto/back-office-order.dto.js';
import { ReleaseOrderDto } from './dto/release-order.dto.js';
import { ReleaseService } from './release.service.js';

@BackOffice()
@Controller('v1/orders')
export class ReleaseController {
  constructor(private readonly service: ReleaseService) {}

  /**
   * Starts a suspended order's financing (Soisy match-trigger) now, or stores it for `releaseAt`.
   * Soisy receives at most one successful match-trigger per order, whatever the retries or replicas.
   */
  @Post(':token/release')
  @HttpCode(200)
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'Repeats with the same key and body get the first answer again.' })
  @ApiOkResponse({ type: BackOfficeOrderDto, description: 'Released (by this request or an earlier one).' })
  @ApiAcceptedResponse({ type: BackOfficeOrderDto, description: 'Scheduled for `releaseAt`, or retrying later after Soisy refused this attempt.' })
  @ApiConflictResponse({ description: 'Not releasable, in progress, already released with another amount, or outcome unknown.' })
  async release(
    @Param('token') token: string,
    @Body() dto: ReleaseOrderDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BackOfficeOrderDto> {
    const answer = await this.service.release(token, dto, key);
    reply.status(answer.status);
    if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
    return answer.body;
  }
}
