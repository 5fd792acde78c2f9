import type { ApprovalOutcome, LoanRequestFigures } from './soisy-request.types.js';
import { normaliseSoisyStatus } from './soisy-status.js';
import type { CreatedOrder, LoanQuote, LoanQuotes, SoisyOrder } from './soisy.types.js';

/**
 * Soisy's success payloads → the gateway's types (the response half of the wire mapping).
 * A payload missing what we rely on is refused loudly rather than half-read. So is a figure that
 * the `orders` column it goes to cannot hold (prisma/schema.prisma): refused here, it is Soisy's
 * unreadable answer (502 SOISY.UNEXPECTED_RESPONSE, and the step's `outcome_unknown` event, since
 * Soisy did act), where the database would have failed the write with a 500 and recorded nothing.
 * Figures that are only passed on (quotes, Get order's amounts) keep the looser bounds below.
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

/** The token is the orders row's unique key, so it must fit a btree index entry (see `storableToken`). */
export function readCreatedOrder(data: unknown): CreatedOrder {
  const body = object(data, 'body');
  return { token: storableToken(body, 'token'), redirectUrl: string(body, 'redirectUrl') };
}

/** Only the status of Get order is stored (order sync): its figures are compared and shown, never written. */
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
    apr: storableApr(body, 'apr'),
    instalmentAmountCents: storableWholeNumber(body, 'instalmentAmount'),
    totalRepaymentCents: storableWholeNumber(body, 'totalRepayment'),
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
    netAmountCents: storableWholeNumber(body, 'netAmount'),
    paymentDayOfMonth: dayOfMonth(body, 'paymentDayOfMonth'),
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

/** PostgreSQL `integer`: the type of every orders column a whole figure goes to (cents, instalments, day of month). */
const INTEGER_COLUMN_MAX = 2_147_483_647;

/** A whole figure stored in an `integer` column; past 2^31 - 1 PostgreSQL fails the write ("integer out of range"). */
function storableWholeNumber(body: Payload, key: string): number {
  const value = wholeNumber(body, key);
  if (value > INTEGER_COLUMN_MAX) throw new MalformedSoisyResponse(key);
  return value;
}

/** A day of a month, 1..31: any other is no payment day, whatever the column could hold. */
function dayOfMonth(body: Payload, key: string): number {
  const value = wholeNumber(body, key);
  if (value < 1 || value > 31) throw new MalformedSoisyResponse(key);
  return value;
}

/**
 * `apr` is Decimal(7,3): at most 9999.999 either way once PostgreSQL has rounded it to 3 decimals
 * (half away from zero). From 9999.9995 up, that rounding reaches 10000 ("numeric field overflow"),
 * so the bound is there, not at 10000.
 */
const APR_COLUMN_LIMIT = 9999.9995;

function storableApr(body: Payload, key: string): number {
  const value = number(body, key);
  if (Math.abs(value) >= APR_COLUMN_LIMIT) throw new MalformedSoisyResponse(key);
  return value;
}

/**
 * Longest token stored. `token` is the unique key of `orders`: a btree entry holds at most 2704
 * bytes, so a longer one would fail the write; 512 characters (at most 2048 bytes of UTF-8) fits with
 * room to spare, and is far beyond Soisy's tokens (a few dozen characters).
 */
const TOKEN_MAX_LENGTH = 512;

function storableToken(body: Payload, key: string): string {
  const value = string(body, key);
  if (value.length > TOKEN_MAX_LENGTH) throw new MalformedSoisyResponse(key);
  return value;
}

function number(body: Payload, key: string): number {
  const value = typeof body[key] === 'string' ? Number(body[key]) : body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedSoisyResponse(key);
  return value;
}

/** Non-empty text. PostgreSQL `text` cannot hold a NUL character (the write fails), so none is read. */
function string(body: Payload, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '' || value.includes('\u0000')) throw new MalformedSoisyResponse(key);
  return value;
}

function boolean(body: Payload, key: string): boolean {
  const value = body[key];
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  throw new MalformedSoisyResponse(key);
}
