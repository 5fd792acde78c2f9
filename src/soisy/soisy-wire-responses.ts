import type { ApprovalOutcome, LoanRequestFigures } from './soisy-request.types.js';
import { normaliseSoisyStatus } from './soisy-status.js';
import type { CreatedOrder, LoanQuote, LoanQuotes, SoisyOrder } from './soisy.types.js';

/**
 * Soisy's success payloads → the gateway's types (the response half of the wire mapping).
 * A payload missing what we rely on is refused loudly rather than half-read.
 */

export class MalformedSoisyResponse extends Error {
  constructor(readonly field: string) {
    super(`Soisy's response lacks a valid "${field}".`);
  }
}

type Payload = Record<string, unknown>;

export function readQuotes(data: unknown): LoanQuotes {
  const body = object(data, 'body');
  return { min: readQuote(body, 'min'), median: readQuote(body, 'median'), max: readQuote(body, 'max') };
}

function readQuote(body: Payload, key: string): LoanQuote {
  const quote = object(body[key], key);
  return {
    feeCents: wholeNumber(quote, 'fee'),
    interestCents: wholeNumber(quote, 'interest'),
    interestRate: number(quote, 'interestRate'),
    totalRepaidCents: wholeNumber(quote, 'totalRepaid'),
    apr: number(quote, 'apr'),
    instalmentAmountCents: wholeNumber(quote, 'instalmentAmount'),
  };
}

export function readCreatedOrder(data: unknown): CreatedOrder {
  const body = object(data, 'body');
  return { token: string(body, 'token'), redirectUrl: string(body, 'redirectUrl') };
}

export function readOrder(data: unknown): SoisyOrder {
  const body = object(data, 'body');
  const status = normaliseSoisyStatus(body.status);
  if (!status) throw new MalformedSoisyResponse('status');
  return {
    token: string(body, 'token'),
    status,
    amountCents: wholeNumber(body, 'loanAmount'),
    netAmountCents: optional(body, 'loanNetAmount', wholeNumber),
    instalments: optional(body, 'instalmentsNumber', wholeNumber),
    orderReference: optional(body, 'orderReference', string),
    zeroInterestRate: optional(body, 'zeroInterestRate', boolean),
    createdAt: optional(body, 'createdAt', string),
    updatedAt: optional(body, 'updatedAt', string),
    loanSignedAt: optional(body, 'loanSignedAt', string),
    loanVerifiedAt: optional(body, 'loanVerifiedAt', string),
    loanDisbursedAt: optional(body, 'loanDisbursedAt', string),
  };
}

export function readLoanRequestFigures(data: unknown): LoanRequestFigures {
  const body = object(data, 'body');
  return {
    apr: number(body, 'apr'),
    instalmentAmountCents: wholeNumber(body, 'instalmentAmount'),
    totalRepaymentCents: wholeNumber(body, 'totalRepayment'),
    zeroInterestRate: optional(body, 'zeroInterestRate', boolean) ?? false,
    // Missing means "not asked": at worst Soisy then names the missing fields at approval.
    additionalDataNeeded: optional(body, 'additionalDataNeeded', boolean) ?? false,
  };
}

export function readApproval(data: unknown): ApprovalOutcome {
  const body = object(data, 'body');
  // A 201 that still says `approved: false` is treated as the refusal it claims to be.
  if (body.approved === false) return { approved: false };
  return {
    approved: true,
    redirectUrl: string(body, 'redirectUrl'),
    netAmountCents: wholeNumber(body, 'netAmount'),
    paymentDayOfMonth: wholeNumber(body, 'paymentDayOfMonth'),
  };
}

function object(value: unknown, field: string): Payload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MalformedSoisyResponse(field);
  return value as Payload;
}

function optional<T>(body: Payload, key: string, read: (body: Payload, key: string) => T): T | undefined {
  return body[key] === undefined || body[key] === null || body[key] === '' ? undefined : read(body, key);
}

/** Whole non-negative numbers (cents, counts); numeric strings accepted because Soisy's PHP sometimes sends them. */
function wholeNumber(body: Payload, key: string): number {
  const value = typeof body[key] === 'string' && /^\d+$/.test(body[key]) ? Number(body[key]) : body[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new MalformedSoisyResponse(key);
  return value;
}

function number(body: Payload, key: string): number {
  const value = typeof body[key] === 'string' ? Number(body[key]) : body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedSoisyResponse(key);
  return value;
}

function string(body: Payload, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new MalformedSoisyResponse(key);
  return value;
}

function boolean(body: Payload, key: string): boolean {
  const value = body[key];
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  throw new MalformedSoisyResponse(key);
}
