import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { backOfficeOrderExample } from '../back-office-order.example.js';
import { ApiProblem, invalidFieldExample, problemExample as example } from '../../common/errors/problem-document.dto.js';
import { CancelledOrderDto } from './dto/cancelled-order.dto.js';
import { SOISY_CANCELLATION_ACTION } from './soisy-cancellation-notice.js';

/** OpenAPI documentation of the merchant cancellation, kept apart so the controller reads as code. */
export const CancelOrderDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Cancel an order (here only: Soisy has no cancel call)',
      description: 'Cancels an order that is neither released nor disbursed: its status becomes `cancelled` (statusDetail '
        + '`ORDER.CANCELLED_BY_MERCHANT`, event `order.merchant_cancelled` with the reason and the back-office key\'s name), and '
        + 'every later release, scheduled ones included, is refused. A release already being sent wins: the cancel then answers 409. '
        + 'While the shopper\'s loan request or approval is being sent to Soisy, the cancel answers 409 `ORDER.STEP_IN_PROGRESS` '
        + 'with `Retry-After`: Soisy\'s answer is recorded first, and a retry a moment later decides. '
        + 'Repeating it with the same reason answers the same order (whichever key repeats it; the history keeps the first); '
        + 'with another reason it answers 409 `ORDER.ALREADY_CANCELLED` naming who cancelled it, when and why, and records nothing.'
        + `\n\n**What you must still do at Soisy:** ${SOISY_CANCELLATION_ACTION}`,
    }),
    ApiOkResponse({
      type: CancelledOrderDto,
      description: 'Cancelled here, by this request or an earlier one; `atSoisy` says what is still to do at Soisy.',
      example: {
        order: backOfficeOrderExample({
          status: 'cancelled', soisyStatus: 'request_accepted', statusDetail: 'ORDER.CANCELLED_BY_MERCHANT', updatedAt: '2026-11-29T10:15:00.000Z',
        }),
        atSoisy: { cancelled: false, soisyStatus: 'request_accepted', action: SOISY_CANCELLATION_ACTION },
      },
    }),
    ApiProblem(400, 'Invalid token or body', {
      reason: invalidFieldExample('reason', 'reason must be at most 500 characters'),
      blank: invalidFieldExample('reason', 'reason must not be blank'),
    }),
    ApiProblem(404, 'No order has this token', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
    ApiProblem(409, 'Already cancelled for another reason, released, being released, release outcome unknown, a checkout step being sent to Soisy, or in a final status', {
      alreadyCancelled: example(409, 'ORDER.ALREADY_CANCELLED', 'The merchant already cancelled this order for another reason; that cancellation stands and this one was not recorded. '
        + 'Repeat the first reason to read the order, or see its history (GET /v1/orders/{token}/history).',
      { cancelledBy: 'ops-anna', cancelledAt: '2026-11-29T10:15:00.000Z', reason: 'Out of stock: the customer was refunded in store' }),
      inProgress: example(409, 'ORDER.NOT_CANCELLABLE', 'A match-trigger for this order is being sent to Soisy right now: the release started first and wins.', { releaseStatus: 'in_progress' }),
      released: example(409, 'ORDER.NOT_CANCELLABLE', 'The order was released (its financing started at Soisy): it can no longer be cancelled here.', { releaseStatus: 'released' }),
      unknown: example(409, 'ORDER.NOT_CANCELLABLE', 'A match-trigger may have reached Soisy without an answer: resolve the release first (POST /v1/orders/{token}/release/resolution).', { releaseStatus: 'unknown' }),
      final: example(409, 'ORDER.NOT_CANCELLABLE', 'An order in status "disbursed" cannot be cancelled: it is final (or not yet created).', { orderStatus: 'disbursed' }),
      stepInProgress: example(409, 'ORDER.STEP_IN_PROGRESS', 'The shopper\'s approval for this order is being sent to Soisy right now: its answer is recorded first; retry the cancel in a moment.', { step: 'approval' }),
    }),
  );
