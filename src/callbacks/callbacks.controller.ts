import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReceiveCallbackDocs } from './callbacks.api-docs.js';
import { CallbacksService } from './callbacks.service.js';
import { CallbackReceiptDto } from './dto/callback-receipt.dto.js';

@ApiTags('callbacks')
@Controller('v1/soisy/callbacks')
export class CallbacksController {
  constructor(private readonly service: CallbacksService) {}

  @Post(':secret')
  @HttpCode(200)
  @ReceiveCallbackDocs()
  // `unknown`, not the DTO: the global pipe would refuse fields Soisy may add; the service reads it.
  receive(@Param('secret') secret: string, @Body() body: Record<string, unknown>): Promise<CallbackReceiptDto> {
    return this.service.receive(secret, body);
  }
}
