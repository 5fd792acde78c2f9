import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, invalidFieldExample, problemExample } from '../common/errors/problem-document.dto.js';
import { MerchantEventDetailDto, MerchantEventPageDto } from './dto/merchant-event.dto.js';

const EVENT_ID = '0b9f6d1e-4c1a-4a7e-9a43-2f1d8c7b5e10';
const ORDER_TOKEN = 'a1b2c3d4e5f6a7b8c9d0';

/** What an endpoint receives for `order.approved` (the POST body), as documented to merchants. */
export const PAYLOAD_EXAMPLE = {
  id: EVENT_ID,
  type: 'order.approved',
  createdAt: '2026-11-29T10:21:03.120Z',
  data: {
    token: ORDER_TOKEN, orderReference: 'ORD-2026-000123', status: 'approved', amount: 100000, instalments: 12,
    zeroInterestRate: false, fiscalCode: 'RSSMRA*********S', apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444,
    additionalDataNeeded: false, netAmount: 98000, paymentDayOfMonth: 15,
    redirectUrl: `https://shop.sandbox.soisy.it/partnershop#/loan-request?token=${ORDER_TOKEN}`,
    release: { status: 'none', amount: null, releasedAt: null, resolvedByOperator: false },
    createdAt: '2026-11-29T10:20:00.000Z', updatedAt: '2026-11-29T10:21:03.120Z',
    events: [
      { type: 'order.creation_started', fromStatus: null, toStatus: 'pending', source: 'api', at: '2026-11-29T10:20:00.000Z' },
      { type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api', at: '2026-11-29T10:20:00.400Z' },
      { type: 'loan_request.created', fromStatus: 'created', toStatus: 'requested', source: 'api', at: '2026-11-29T10:20:40.000Z' },
      { type: 'approval.approved', fromStatus: 'requested', toStatus: 'approved', source: 'api', at: '2026-11-29T10:21:03.120Z' },
    ],
  },
};

const delivery = (status: string, attempts: number, lastError: string | null) => ({
  endpoint: 'https://erp.example.com/soisy/events', status, attempts,
  nextAttemptAt: status === 'pending' ? '2026-11-29T10:22:04.120Z' : null, lastError,
  deliveredAt: status === 'delivered' ? '2026-11-29T10:21:03.300Z' : null,
});

const DETAIL_EXAMPLE = {
  id: EVENT_ID, type: 'order.approved', orderToken: ORDER_TOKEN, createdAt: PAYLOAD_EXAMPLE.createdAt,
  deliveries: [{
    ...delivery('pending', 1, 'http_500'),
    attemptLog: [{ statusCode: 500, durationMs: 112, errorClass: 'http_500', at: '2026-11-29T10:21:04.120Z' }],
  }],
  payload: PAYLOAD_EXAMPLE,
};

const badId = invalidFieldExample('id', 'id must be an event id (a UUID)');
const notFound = problemExample(404, 'EVENT.NOT_FOUND', 'No event has this id.');

export function ApiListEvents() {
  return applyDecorators(
    ApiOperation({ summary: 'Merchant events, newest first', description: 'Every event recorded, whether sent or not, with where it stands at each endpoint. Follow `nextCursor` for the next page; `delivered=false` lists what an endpoint has not received (to resend it).' }),
    ApiOkResponse({ type: MerchantEventPageDto, example: { items: [{ ...DETAIL_EXAMPLE, payload: undefined, deliveries: [delivery('pending', 1, 'http_500')] }], nextCursor: 'eyJzIjoiMTIifQ' } }),
    ApiProblem(400, 'A filter or the cursor is invalid', {
      type: invalidFieldExample('type', 'type must be one of: order.created, …'),
      cursor: invalidFieldExample('cursor', 'cursor must be a value returned as nextCursor'),
    }),
  );
}

export function ApiGetEvent() {
  return applyDecorators(
    ApiOperation({ summary: 'One merchant event, its body and every delivery attempt', description: 'The body exactly as POSTed to the endpoints (`payload`, schema MerchantEventPayloadDto), and per endpoint its delivery: status, attempts (HTTP status, duration, error class), next attempt. Endpoint URLs are shown without their query string.' }),
    ApiOkResponse({ type: MerchantEventDetailDto, example: DETAIL_EXAMPLE }),
    ApiProblem(400, 'The id is not an event id', { id: badId }),
    ApiProblem(404, 'No event has this id', { notFound }),
  );
}

export function ApiResendEvent() {
  return applyDecorators(
    ApiOperation({ summary: 'Send an event again', description: 'Same event id and body, signed afresh, to every endpoint configured now for its type: one new delivery each, due at once and retried like any other. Receivers deduplicate on the id.' }),
    ApiAcceptedResponse({ type: MerchantEventDetailDto, description: 'The event with its new deliveries (pending)', example: { ...DETAIL_EXAMPLE, deliveries: [delivery('pending', 0, null)] } }),
    ApiProblem(400, 'The id is not an event id', { id: badId }),
    ApiProblem(404, 'No event has this id', { notFound }),
    ApiProblem(409, 'No endpoint is configured for the event\'s type', { noEndpoint: problemExample(409, 'EVENT.NO_ENDPOINT', 'No configured endpoint receives this event type; nothing to resend it to.') }),
  );
}
