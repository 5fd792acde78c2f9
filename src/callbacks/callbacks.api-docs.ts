import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, problemExample as example } from '../common/errors/problem-document.dto.js';
import { CallbackReceiptDto } from './dto/callback-receipt.dto.js';
import { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

/** OpenAPI documentation of Soisy's callback route, kept apart so the controller reads as code. */
export const ReceiveCallbackDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Receive a Soisy callback',
      description: 'Soisy\'s notification of an order event, at the callbackUrl this service gave it. Answered 200 at once (also for a repeat); the order moves only once Soisy\'s Get order confirms the status.',
    }),
    ApiConsumes('application/x-www-form-urlencoded', 'application/json'),
    ApiBody({ type: SoisyCallbackDto }),
    ApiOkResponse({ type: CallbackReceiptDto }),
    ApiProblem(400, 'Malformed payload', { eventId: example(400, 'REQUEST.INVALID', 'The callback has invalid fields.', { errors: [{ field: 'eventId', message: 'eventId must be an event name such as LoanWasVerified' }] }) }),
    ApiProblem(404, 'Unknown secret, or an order it does not belong to', { notFound: example(404, 'CALLBACK.NOT_FOUND', 'Not found.') }),
  );
