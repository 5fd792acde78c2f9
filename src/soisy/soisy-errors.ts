import { Logger } from '@nestjs/common';
import { AppError, ErrorKind, FieldError } from '../common/errors/app-error.js';
import { readErrorBody } from './soisy-error-body.js';
import type { TransportFailure } from './soisy-failure.js';
import type { HttpMethod } from './soisy-retry.js';
import type { ErrorKeyMap } from './soisy-wire.js';

export type SoisyCallName = 'getLoanQuotes' | 'createOrder' | 'getOrder' | 'listOrders' | 'createLoanRequest' | 'requestApproval' | 'matchTrigger';

/** What the error mapping needs to know about the call that failed (never its payload). */
export interface SoisyCallContext {
  name: SoisyCallName;
  method: HttpMethod;
  shopId: string;
  errorKeys: ErrorKeyMap;
}

export const SoisyErrorCode = {
  INVALID_FIELDS: 'SOISY.INVALID_FIELDS',
  REJECTED: 'SOISY.REJECTED',
  ALREADY_EVALUATED: 'SOISY.ALREADY_EVALUATED',
  CONFLICT: 'SOISY.CONFLICT',
  /** Soisy answered 404 for an order this service holds (its token came from Soisy): an upstream fault, a 502. */
  ORDER_UNKNOWN_UPSTREAM: 'SOISY.ORDER_UNKNOWN_UPSTREAM',
  UPSTREAM_AUTH: 'SOISY.UPSTREAM_AUTH',
  UPSTREAM_ERROR: 'SOISY.UPSTREAM_ERROR',
  UNEXPECTED_RESPONSE: 'SOISY.UNEXPECTED_RESPONSE',
  TIMEOUT: 'SOISY.TIMEOUT',
  UNREACHABLE: 'SOISY.UNREACHABLE',
} as const;
export type SoisyErrorCode = (typeof SoisyErrorCode)[keyof typeof SoisyErrorCode];

/**
 * A Soisy call that did not produce the expected answer. `outcomeUnknown` is true when Soisy may
 * have received and acted on a POST (read timeout, connection dropped after sending, 5xx, an
 * unreadable success): the caller must keep its order pending and reconcile through Get order,
 * never simply retry. GETs change nothing, so their outcome is never unknown.
 */
export class SoisyError extends AppError {
  constructor(
    kind: ErrorKind,
    override readonly code: SoisyErrorCode,
    detail: string,
    readonly call: SoisyCallName,
    readonly outcomeUnknown: boolean,
    readonly upstreamStatus?: number,
    fieldErrors: readonly FieldError[] = [],
  ) {
    super(kind, code, detail, {}, fieldErrors);
    this.name = 'SoisyError';
  }
}

const logger = new Logger('SoisyGateway');

/** What a caller is told when Soisy answers 404 about an order we hold (also shown in the OpenAPI examples). */
export const ORDER_UNKNOWN_UPSTREAM_DETAIL =
  'Soisy answered that it does not know this order, which this service holds with the token Soisy issued for it. Nothing was changed here; '
  + 'check SOISY_BASE_URL and SOISY_SHOP_ID, then ask Soisy partner support about the order, quoting its token and orderReference.';

/** The calls that name an order by the token Soisy issued (and this service keeps). */
const CALLS_ON_AN_ORDER: readonly SoisyCallName[] = ['getOrder', 'createLoanRequest', 'requestApproval', 'matchTrigger'];
const ALREADY_EVALUATED = /already evaluated/i;

/** Soisy answered, but not with the success this call expects. */
export function errorFromResponse(call: SoisyCallContext, status: number, data: unknown): SoisyError {
  const fail = (kind: ErrorKind, code: SoisyErrorCode, detail: string, fieldErrors: FieldError[] = [], unknown = false) =>
    new SoisyError(kind, code, detail, call.name, unknown, status, fieldErrors);
  const { fieldErrors, messages } = readErrorBody(data, call.errorKeys);
  const message = messages.join(' ');

  if (status === 400 && fieldErrors.length > 0) {
    return fail('invalid', SoisyErrorCode.INVALID_FIELDS, ['Soisy refused some fields.', message].join(' ').trim(), fieldErrors);
  }
  // Soisy says it with a 400 at approval and a 409 at a loan request: one code for one situation.
  if ((status === 400 || status === 409) && ALREADY_EVALUATED.test(message)) {
    return fail('conflict', SoisyErrorCode.ALREADY_EVALUATED, message);
  }
  if (status === 400 || status === 422) {
    return fail('unprocessable', SoisyErrorCode.REJECTED, message || 'Soisy refused the request without saying why.');
  }
  if (status === 401 || status === 403) {
    // The operators must hear of this at once: every call will fail until the credentials are fixed.
    logger.error(`Soisy refused the shop id / auth token pair for shop "${call.shopId}" (${call.name}); check SOISY_SHOP_ID and SOISY_AUTH_TOKEN`);
    return fail('upstream', SoisyErrorCode.UPSTREAM_AUTH, 'Soisy refused this service\'s credentials; the operators have been alerted.');
  }
  // Never a 404 to our caller: we only ask Soisy about what we hold (an order's token Soisy issued, our
  // shop), so a "not found" there is Soisy's (or our configuration's) fault, not a missing resource here.
  if (status === 404 && CALLS_ON_AN_ORDER.includes(call.name)) {
    logger.error(`Soisy answered 404 to ${call.name} for an order this service holds (shop "${call.shopId}")`);
    return fail('upstream', SoisyErrorCode.ORDER_UNKNOWN_UPSTREAM, ORDER_UNKNOWN_UPSTREAM_DETAIL);
  }
  if (status === 404) {
    logger.error(`Soisy answered 404 to ${call.name} (shop "${call.shopId}"); check SOISY_BASE_URL and SOISY_SHOP_ID`);
    return fail('upstream', SoisyErrorCode.UNEXPECTED_RESPONSE, 'Soisy answered 404 for this shop: check SOISY_BASE_URL and SOISY_SHOP_ID.');
  }
  if (status === 409) return fail('conflict', SoisyErrorCode.CONFLICT, message || 'Soisy reported a conflict.');
  if (status >= 500) {
    return fail('upstream', SoisyErrorCode.UPSTREAM_ERROR, `Soisy failed with HTTP ${status}.`, [], call.method === 'POST');
  }
  // A 2xx/3xx we did not expect may still mean a POST was carried out.
  const unknown = call.method === 'POST' && status < 400;
  return fail('upstream', SoisyErrorCode.UNEXPECTED_RESPONSE, `Soisy answered with an unexpected HTTP ${status}.`, [], unknown);
}

/** Soisy's success answer could not be read (a missing token, a malformed amount…). */
export function unreadableResponse(call: SoisyCallContext, status: number, field: string): SoisyError {
  logger.error(`Soisy's ${status} answer to ${call.name} lacks a valid "${field}"`);
  const detail = 'Soisy answered in a form this service cannot read.';
  return new SoisyError('upstream', SoisyErrorCode.UNEXPECTED_RESPONSE, detail, call.name, call.method === 'POST', status);
}

export function errorFromFailure(call: SoisyCallContext, failure: TransportFailure): SoisyError {
  if (failure.kind === 'not_sent') {
    return new SoisyError('upstream', SoisyErrorCode.UNREACHABLE, 'Soisy could not be reached.', call.name, false);
  }
  const unknown = call.method === 'POST';
  if (failure.kind === 'read_timeout') {
    return new SoisyError('upstream_timeout', SoisyErrorCode.TIMEOUT, 'Soisy did not answer in time.', call.name, unknown);
  }
  return new SoisyError('upstream', SoisyErrorCode.UNREACHABLE, 'The connection to Soisy was lost.', call.name, unknown);
}
