import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, problemExample as example } from '../../common/errors/problem-document.dto.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../common/idempotency/index.js';
import { BackOfficeOrderDto } from '../dto/back-office-order.dto.js';

/** OpenAPI documentation of the release route, kept apart so the controller reads as code. */
export const ReleaseOrderDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Release a suspended order',
      description: 'Starts a suspended order\'s financing (Soisy match-trigger) now, or stores it for `releaseAt`. Soisy receives at most one successful match-trigger per order, whatever the retries or replicas.',
    }),
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'Repeats with the same key and body get the first answer again.' }),
    ApiOkResponse({ type: BackOfficeOrderDto, description: 'Released (by this request or an earlier one).' }),
    ApiAcceptedResponse({ type: BackOfficeOrderDto, description: 'Scheduled for `releaseAt`, or retrying later after Soisy refused this attempt.' }),
    ApiProblem(400, 'Invalid token or body, or an amount above the order amount', { amount: example(400, 'REQUEST.INVALID', 'The request has invalid fields.', { errors: [{ field: 'amount', message: 'amount must not exceed the order amount (100000 cents)' }] }) }),
    ApiProblem(404, 'No order has this token', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
    ApiProblem(409, 'Not releasable, in progress, released with another amount, or an earlier outcome unknown', {
      notReleasable: example(409, 'RELEASE.NOT_RELEASABLE', 'An order in status "requested" cannot be released: it must be approved (or later) and not cancelled.', { orderStatus: 'requested' }),
      inProgress: example(409, 'RELEASE.IN_PROGRESS', 'A match-trigger for this order is being sent to Soisy right now; read the order again shortly.'),
      unknown: example(409, 'RELEASE.OUTCOME_UNKNOWN', 'An earlier match-trigger may have reached Soisy without an answer; it is not repeated automatically. Check the order with Soisy.'),
    }),
    ApiProblem(422, 'The Idempotency-Key was used for another request', { keyReused: example(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request; use a new key for a different request.') }),
    ApiProblem(502, 'This attempt\'s outcome is unknown (never retried), or Soisy refused and no attempts are left', {
      unknown: example(502, 'RELEASE.OUTCOME_UNKNOWN', 'Soisy did not answer the match-trigger clearly; it may have been received. It is not repeated automatically: check the order with Soisy.'),
    }),
  );
