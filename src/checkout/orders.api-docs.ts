import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, invalidFieldExample, problemExample as example } from '../common/errors/problem-document.dto.js';
import { ApprovalResultDto } from './dto/approval-result.dto.js';
import { CreatedOrderDto } from './dto/created-order.dto.js';
import { LoanRequestResultDto } from './dto/loan-request-result.dto.js';
import { OrderViewDto } from '../orders/order-view.dto.js';
import { ORDER_UNKNOWN_UPSTREAM_DETAIL } from '../soisy/index.js';

/** OpenAPI documentation of the checkout routes, kept apart so the controller reads as code. */

// The same messages as the validators (common/validation): shown so storefronts can map them to their form.
const MOBILE_ONLY = 'mobilePhone must be a mobile number (Soisy sends it a text message); this is a landline or service number';
const civicNumberInStreet = (civicField: string) => `address ends with a civic number: put it in ${civicField} and the street alone in address (e.g. Via Roma and 12)`;
const notFound = { unknownToken: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') };
const upstream = {
  soisyFailed: example(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.'),
  credentials: example(502, 'SOISY.UPSTREAM_AUTH', 'Soisy refused this service\'s credentials; the operators have been alerted.'),
  // Also a figure its column cannot hold or no one should believe (src/soisy/soisy-wire-responses.ts): refused before it is shown or stored.
  unreadable: example(502, 'SOISY.UNEXPECTED_RESPONSE', 'Soisy answered in a form this service cannot read.'),
  // Not sent (refused, DNS) or lost on the way (a dropped connection; on a POST Soisy may have acted).
  unreachable: example(502, 'SOISY.UNREACHABLE', 'The connection to Soisy was lost.'),
};
/** Soisy's 404 for an order this service holds: an upstream fault, never a 404 (which would say our order does not exist). */
const orderUnknownUpstream = { orderUnknownUpstream: example(502, 'SOISY.ORDER_UNKNOWN_UPSTREAM', ORDER_UNKNOWN_UPSTREAM_DETAIL) };
const timeout = { timeout: example(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time.') };
/** Another request, on this instance or another, is calling Soisy for the order: the caller retries after Retry-After. */
const stepInProgress = {
  stepInProgress: example(409, 'ORDER.STEP_IN_PROGRESS', 'An approval for this order is being sent to Soisy right now; retry in a moment to get its answer.', { step: 'approval' }),
};
const retryAfter = {
  'Retry-After': { description: 'With ORDER.STEP_IN_PROGRESS: seconds to wait before repeating the request', schema: { type: 'integer' as const, example: 2 } },
};
const Upstream = () => applyDecorators(ApiProblem(502, 'Soisy failed, refused our credentials, dropped the connection, answered what this service cannot read or store, or does not know the order', { ...upstream, ...orderUnknownUpstream }), ApiProblem(504, 'Soisy did not answer in time', timeout));

export const CreateOrderDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'Create an order', description: 'Creates the Soisy order (with this service\'s callback URL) and stores it. Send the shopper to `redirectUrl`, or continue with a loan request. When Soisy\'s answer is lost (502/504), retry with the same Idempotency-Key and body: the order is looked up in Soisy\'s order list and the recovered order replayed (without `redirectUrl`: continue with loan request and approval), or created anew once Soisy provably never made it; meanwhile 409 `ORDER.CREATION_PENDING` with `Retry-After`.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body within 24 h: the first answer is replayed with `Idempotent-Replayed: true`; same key, other body: 422; while the first is running: 409.', example: '6f1c2a9e-1f0b-4d8e-9a51-2c1d3e4f5a6b' }),
    ApiCreatedResponse({
      type: CreatedOrderDto,
      description: 'Created (or replayed, with `Idempotent-Replayed: true`)',
      example: {
        token: 'a1b2c3d4e5f6a7b8c9d0', redirectUrl: 'https://shop.sandbox.soisy.it/partnershop#/loan-request?token=a1b2c3d4e5f6a7b8c9d0',
        status: 'created', orderReference: 'ORD-2025-000123', amount: 100000, instalments: 12, zeroInterestRate: false,
      },
    }),
    ApiProblem(400, 'A field is invalid, or Soisy refused one', {
      amount: invalidFieldExample('amount', 'amount must be between 10000 and 1500000 cents'),
      fiscalCode: invalidFieldExample('customer.fiscalCode', 'fiscalCode must be a valid Italian fiscal code (codice fiscale)'),
      landline: invalidFieldExample('customer.mobilePhone', MOBILE_ONLY),
      civicNumberInStreet: invalidFieldExample('customer.address', civicNumberInStreet('civicNumber')),
    }),
    ApiProblem(409, 'The reference is taken, its creation is pending, or the same Idempotency-Key is still running', {
      referenceTaken: example(409, 'ORDER.REFERENCE_TAKEN', 'An order with reference "ORD-2025-000123" already exists.', { orderReference: 'ORD-2025-000123', orderStatus: 'created' }),
      creationPending: example(409, 'ORDER.CREATION_PENDING', 'The order with reference "ORD-2025-000123" is being created, or Soisy\'s answer to its creation was lost and it is being looked up in Soisy\'s order list. Retry later (see Retry-After) with the same Idempotency-Key.', { orderReference: 'ORD-2025-000123', orderStatus: 'pending' }),
      keyInUse: example(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry once it has finished.'),
    }),
    ApiProblem(422, 'The Idempotency-Key was used for another request, or Soisy refused the order', { keyReused: example(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request; use a new key for a different request.') }),
    ApiProblem(502, 'Soisy failed or the connection dropped: the order is kept pending (see `orderReference`)', { lost: example(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500. Soisy may or may not have created order "ORD-2025-000123"; it is kept pending until recovered from Soisy\'s order list.', { orderReference: 'ORD-2025-000123', orderStatus: 'pending' }), ...upstream }),
    ApiProblem(504, 'Soisy did not answer in time: the order is kept pending', { timeout: example(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time. Soisy may or may not have created order "ORD-2025-000123"; it is kept pending until recovered from Soisy\'s order list.', { orderReference: 'ORD-2025-000123', orderStatus: 'pending' }) }),
  );

export const LoanRequestDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Ask Soisy for a loan offer',
      description: 'Allowed on a `created` order, or again on a `requested` one (any other, a cancelled or expired one included, answers 409 `ORDER.LOAN_REQUEST_NOT_ALLOWED`). Stores the offer\'s figures. One loan request per order reaches Soisy at a time: while one is running, another answers 409 `ORDER.STEP_IN_PROGRESS` with `Retry-After`; the same body again once its offer is stored (a double click) is answered with that offer, without calling Soisy again. `status` is the order\'s status as stored.',
    }),
    ApiCreatedResponse({
      type: LoanRequestResultDto,
      description: 'Soisy\'s offer (or the stored one, for a repeat of the request that got it)',
      example: { apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, zeroInterestRate: false, additionalDataNeeded: false, status: 'requested' },
    }),
    ApiProblem(400, 'A field is invalid (conditional fields included), or differs from the order\'s amount or fixed instalments', { amount: invalidFieldExample('amount', 'amount must equal the order amount (100000 cents)'), privacy: invalidFieldExample('privacy', 'privacy must be true: the shopper has to accept Soisy\'s privacy notice'), vatId: invalidFieldExample('vatId', 'vatId must be a valid Italian VAT number (partita IVA, 11 digits)') }),
    ApiProblem(404, 'No order has this token', notFound),
    ApiProblem(409, 'The order is past the loan request, another loan request or approval for it is running, or Soisy already has a request for this person', {
      stepInProgress: example(409, 'ORDER.STEP_IN_PROGRESS', 'A loan request for this order is being sent to Soisy right now; retry in a moment to get its answer.', { step: 'loan_request' }),
      notAllowed: example(409, 'ORDER.LOAN_REQUEST_NOT_ALLOWED', 'A loan request cannot be made on an order in status "approved".', { orderStatus: 'approved' }),
      soisyConflict: example(409, 'SOISY.CONFLICT', 'Esiste già una richiesta per questo codice fiscale'),
    }, retryAfter),
    ApiProblem(422, 'Soisy refused the request', { refused: example(422, 'SOISY.REJECTED', 'This sales point cannot apply for a loan') }),
    Upstream(),
  );

export const ApprovalDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Ask Soisy to decide',
      description: 'Only after a loan request, and once: a refusal is a 200 answer (`approved: false`). One approval per order reaches Soisy: while one is running, another answers 409 `ORDER.STEP_IN_PROGRESS` with `Retry-After`; once decided, the same body again (a double click) is answered with the stored decision, any other with 409 `ORDER.ALREADY_DECIDED`, without calling Soisy. An order the merchant cancelled before Soisy decided, or an expired one, answers 409 `ORDER.APPROVAL_NOT_ALLOWED`: Soisy did not decide it. `status` is the order\'s status as stored: Soisy\'s callbacks that arrive during the call are applied after its answer is recorded (only when a call outlives its claim can the order have moved on, e.g. to `completed`). After an approval, send the shopper to `redirectUrl`.',
    }),
    ApiOkResponse({ type: ApprovalResultDto, description: 'Approved or refused (or the stored decision, for a repeat of the request that got it)' }),
    ApiProblem(400, 'A field is invalid, or additional data Soisy asked for is missing', {
      missing: invalidFieldExample('residence', 'residence is required: Soisy asked for additional data at the loan request'),
      province: invalidFieldExample('province', 'province must be the two-letter code (sigla) of an Italian province, e.g. MI or RM'),
      landline: invalidFieldExample('mobilePhone', MOBILE_ONLY),
      civicNumberInStreet: invalidFieldExample('address', civicNumberInStreet('streetNumber')),
      comma: invalidFieldExample('address', 'address must be the street only, without commas: put the civic number in streetNumber'),
    }),
    ApiProblem(404, 'No order has this token', notFound),
    ApiProblem(409, 'Another approval or loan request for this order is running, Soisy already decided, no loan request yet, or the order was cancelled by the merchant or expired', {
      ...stepInProgress,
      decided: example(409, 'ORDER.ALREADY_DECIDED', 'Soisy has already decided on this order (status "approved"); an approval cannot be repeated.', { orderStatus: 'approved' }),
      notAllowed: example(409, 'ORDER.APPROVAL_NOT_ALLOWED', 'An approval cannot be asked for an order in status "cancelled".', { orderStatus: 'cancelled' }),
      noLoanRequest: example(409, 'ORDER.LOAN_REQUEST_REQUIRED', 'This order has no loan request yet: make one before asking for approval.', { orderStatus: 'created' }),
    }, retryAfter),
    ApiProblem(422, 'Soisy refused to evaluate', { refused: example(422, 'SOISY.REJECTED', 'User not found') }),
    Upstream(),
  );

export const ViewOrderDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'Read an order', description: 'Status, amounts, Soisy\'s figures, the release (`release`: status, amount in cents, releasedAt, whether an operator resolved it) and the event history. The fiscal code is masked. Merchant events carry this same view.' }),
    ApiOkResponse({ type: OrderViewDto }),
    ApiProblem(400, 'The token is malformed', { token: invalidFieldExample('token', 'token must be an order token as answered by POST /v1/orders') }),
    ApiProblem(404, 'No order has this token', notFound),
  );
