import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { backOfficeOrderExample } from '../back-office-order.example.js';
import { ApiProblem, invalidFieldExample, problemExample as example } from '../../common/errors/problem-document.dto.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../common/idempotency/index.js';
import { ORDER_UNKNOWN_UPSTREAM_DETAIL } from '../../soisy/index.js';
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
    ApiAcceptedResponse({
      type: BackOfficeOrderDto,
      description: 'Scheduled for `releaseAt`, or retrying later after Soisy refused this attempt.',
      example: backOfficeOrderExample({
        release: { status: 'scheduled', amount: 100000, releaseAt: '2026-12-01T09:00:00.000Z', nextAttemptAt: '2026-12-01T09:00:00.000Z' },
        updatedAt: '2026-11-29T10:15:00.000Z',
      }),
    }),
    ApiProblem(400, 'Invalid token or body, or an amount above the order amount', { amount: invalidFieldExample('amount', 'amount must not exceed the order amount (100000 cents)') }),
    ApiProblem(404, 'No order has this token', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
    ApiProblem(409, 'Not releasable, in progress, released with another amount, or an earlier outcome unknown', {
      notReleasable: example(409, 'RELEASE.NOT_RELEASABLE', 'An order in status "requested" cannot be released: it must be approved (or later) and not cancelled.', { orderStatus: 'requested' }),
      inProgress: example(409, 'RELEASE.IN_PROGRESS', 'A match-trigger for this order is being sent to Soisy right now; read the order again shortly.'),
      unknown: example(409, 'RELEASE.OUTCOME_UNKNOWN', 'An earlier match-trigger may have reached Soisy without an answer; it is not repeated automatically. Check the order with Soisy.'),
    }),
    ApiProblem(422, 'The Idempotency-Key was used for another request', { keyReused: example(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request; use a new key for a different request.') }),
    ApiProblem(502, 'This attempt\'s outcome is unknown (never retried), or Soisy refused and no attempts are left', {
      unknown: example(502, 'RELEASE.OUTCOME_UNKNOWN', 'Soisy did not answer the match-trigger clearly; it may have been received. It is not repeated automatically: check the order with Soisy.'),
      orderUnknownUpstream: example(502, 'RELEASE.FAILED', `Soisy refused the match-trigger and no attempts are left: SOISY.ORDER_UNKNOWN_UPSTREAM: ${ORDER_UNKNOWN_UPSTREAM_DETAIL}.`),
    }),
  );

/** OpenAPI documentation of the resolution of a release in `unknown`. */
export const ReleaseResolutionDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Resolve a release whose outcome is unknown',
      description: 'For a release in `unknown` only (a match-trigger may have reached Soisy unanswered; it is never retried automatically). '
        + 'After checking with Soisy: `released` settles it as released, without calling Soisy; `not_released` makes the order releasable '
        + 'again (release status `none`), and a later `POST /v1/orders/{token}/release` sends one match-trigger. Recorded in the order\'s '
        + 'history with the note and the back-office key\'s name (never the key), which `release.resolvedBy` shows (the storefront\'s view and the merchant\'s '
        + 'events say `release.resolvedByOperator: true`). After `released`, `release.releasedAt` is the time of this resolution: when Soisy acted on the '
        + 'unanswered match-trigger is not known here (the attempt\'s own time is its `release.attempt_started` event in the history). '
        + 'Repeating the same resolution answers the same order.',
    }),
    ApiOkResponse({
      type: BackOfficeOrderDto,
      description: 'Resolved, by this request or by the same resolution earlier.',
      example: backOfficeOrderExample({
        release: { status: 'released', amount: 100000, releasedAt: '2026-11-29T10:15:00.000Z', attempts: 1, resolvedBy: 'ops-anna' },
        updatedAt: '2026-11-29T10:15:00.000Z',
      }),
    }),
    ApiProblem(400, 'Invalid token or body', {
      outcome: invalidFieldExample('outcome', 'outcome must be one of: released, not_released'),
      note: invalidFieldExample('note', 'note must be at most 500 characters'),
    }),
    ApiProblem(404, 'No order has this token', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
    ApiProblem(409, 'The release is not in `unknown` (and this is not a repeat of the resolution that settled it)', {
      notUnknown: example(409, 'RELEASE.NOT_UNKNOWN', 'The release is "released", not "unknown": only a release whose outcome is unknown can be resolved (or the same resolution repeated).', { releaseStatus: 'released' }),
    }),
  );
