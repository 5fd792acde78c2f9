import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BackOffice } from '../common/auth/back-office.decorator.js';
import { EventIdParamsDto } from './dto/event-id.params.dto.js';
import { ListEventsQuery } from './dto/list-events.query.js';
import type { MerchantEventDetailDto, MerchantEventPageDto } from './dto/merchant-event.dto.js';
import { ApiGetEvent, ApiListEvents, ApiResendEvent } from './merchant-events.api-docs.js';
import { MerchantEventsService } from './merchant-events.service.js';

/** The back office's view of merchant events: list, inspect, resend. */
@BackOffice()
@Controller('v1/events')
export class MerchantEventsController {
  constructor(private readonly service: MerchantEventsService) {}

  @Get()
  @ApiListEvents()
  list(@Query() query: ListEventsQuery): Promise<MerchantEventPageDto> {
    return this.service.list(query);
  }

  @Get(':id')
  @ApiGetEvent()
  get(@Param() { id }: EventIdParamsDto): Promise<MerchantEventDetailDto> {
    return this.service.get(id);
  }

  @Post(':id/resend')
  @HttpCode(202)
  @ApiResendEvent()
  resend(@Param() { id }: EventIdParamsDto): Promise<MerchantEventDetailDto> {
    return this.service.resend(id);
  }
}
