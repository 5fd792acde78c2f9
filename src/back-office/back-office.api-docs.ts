import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, invalidFieldExample, problemExample as example } from '../common/errors/problem-document.dto.js';
import { BACK_OFFICE_ORDER_EXAMPLE } from './back-office-order.example.js';
import { BackOfficeOrderHistoryDto } from './dto/back-office-order-history.dto.js';
import { OrderPageDto } from './dto/back-office-order.dto.js';
import { SyncedOrderDto } from './dto/synced-order.dto.js';
import { ORDER_UNKNOWN_UPSTREAM_DETAIL } from '../soisy/index.js';

/** OpenAPI documentation of the back office's order routes, kept apart so the controller reads as code. */


const HISTORY_EXAMPLE = {
  order: BACK_OFFICE_ORDER_EXAMPLE,
  events: [
    { type: 'order.created', fromStatus: null, toStatus: 'created', source: 'api', actor: null, data: null, at: '2026-11-20T09:00:00.000Z' },
    { type: 'status.changed', fromStatus: 'created', toStatus: 'requested', source: 'api', actor: null, data: null, at: '2026-11-20T09:02:00.000Z' },
    { type: 'status.changed', fromStatus: 'approved', toStatus: 'verified', source: 'callback', actor: null, data: null, at: '2026-11-22T15:30:00.000Z' },
    { type: 'order.synced', fromStatus: null, toStatus: null, source: 'sync', actor: 'ops-anna', data: null, at: '2026-11-29T10:00:00.000Z' },
  ],
};

export const ListOrdersDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'List orders', description: 'Orders, newest first, personal data masked. Follow `nextCursor` for the next page.' }),
    ApiOkResponse({ type: OrderPageDto }),
    ApiProblem(400, 'A filter or the cursor is invalid', { cursor: invalidFieldExample('cursor', 'cursor must be a value returned as nextCursor') }),
  );

export const OrderHistoryDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: "An order's history, with who acted",
      description: 'The order (personal data masked) and every event, oldest first. `actor` is the name of the back-office key '
        + 'that acted (release, scheduling, sync, resolution, cancellation, an on-demand reconciliation), never the key; null for '
        + "the storefront, Soisy's callbacks and the scheduler. The storefront's `GET /v1/orders/{token}` does not show actors.",
    }),
    ApiOkResponse({ type: BackOfficeOrderHistoryDto, description: 'The order (personal data masked) and its events, oldest first, each with the key name that acted', example: HISTORY_EXAMPLE }),
    ApiProblem(400, 'The token cannot be an order token', { token: invalidFieldExample('token', 'token must be an order token as answered by POST /v1/orders') }),
    ApiProblem(404, 'No order has this token', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
  );

export const SyncOrderDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'Re-sync an order from Soisy', description: 'Re-reads the order\'s status from Soisy and applies it (event source `sync`).' }),
    ApiOkResponse({ type: SyncedOrderDto }),
    ApiProblem(400, 'The token cannot be an order token', { token: invalidFieldExample('token', 'token must be an order token as answered by POST /v1/orders') }),
    ApiProblem(404, 'No order has this token (here)', { notFound: example(404, 'ORDER.NOT_FOUND', 'No order has this token.') }),
    ApiProblem(502, 'Soisy failed, refused our credentials, or does not know the order (its 404: a fault on Soisy\'s side or in our configuration, never a 404 here); nothing changed', {
      upstream: example(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.'),
      orderUnknownUpstream: example(502, 'SOISY.ORDER_UNKNOWN_UPSTREAM', ORDER_UNKNOWN_UPSTREAM_DETAIL),
    }),
    ApiProblem(504, 'Soisy did not answer in time; nothing changed', { timeout: example(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time.') }),
  );
