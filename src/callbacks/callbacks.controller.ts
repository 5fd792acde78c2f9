import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, problemExample as example } from '../common/errors/problem-document.dto.js';
import { CallbacksService } from './callbacks.service.js';
import { CallbackReceiptDto } from './dto/callback-receipt.dto.js';
import { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

@ApiTags('callbacks')
@Controller('v1/soisy/callbacks')
export class CallbacksController {
  constructor(private readonly service: CallbacksService) {}

  /**
   * Soisy's notification of an order event, at the callbackUrl this service gave it. Answered 200
   * at once (also for a repeat); the order moves only once Soisy's Get order confirms the status.
   */
  @Post(':secret')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: SoisyCallbackDto })
  @ApiOkResponse({ type: CallbackReceiptDto })
  @ApiProblem(400, 'Malformed payload', { eventId: example(400, 'REQUEST.INVALID', 'The callback has invalid fields.', { errors: [{ field: 'eventId', message: 'eventId must be an event name such as LoanWasVerified' }] }) })
  @ApiProblem(404, 'Unknown secret, or an order it does not belong to', { notFound: example(404, 'CALLBACK.NOT_FOUND', 'Not found.') })
  // `unknown`, not the DTO: the global pipe would refuse fields Soisy may add; the service reads it.
  receive(@Param('secret') secret: string, @Body() body: Record<string, unknown>): Promise<CallbackReceiptDto> {
    return this.service.receive(secret, body);
  }
}
