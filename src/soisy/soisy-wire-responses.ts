import type { ApprovalOutcome, LoanRequestFigures } from './soisy-request.types.js';
import { normaliseSoisyStatus } from './soisy-status.js';
import type { CreatedOrder, LoanQuote, LoanQuotes, SoisyOrder } from './soisy.types.js';

/**
 * Soisy's success payloads → the gateway's types (the response half of the wire mapping).
 * A payload missing what we rely on is refused loudly rather than half-read. So is a figure that
 * the `orders` column it goes to cannot hold (prisma/schema.prisma): refused here, it is Soisy's
 * unreadable answer (502 SOISY.UNEXPECTED_RESPONSE, and the step's `outcome_unknown` event, since
 * Soisy did act), where the database would have failed the write with a 500 and recorded nothing.
 * Beyond that, a figure must be believable before it is shown to a shopper or stored: a rate (APR,
 * interest rate) from 0 up to, not including, 100 %; an instalment, a total repaid, a net amount
 * above 0; an instalment no larger than the total repaid; a net amount no larger than the amount
 * asked for; a redirect URL that is an http(s) URL (it is where the storefront sends the shopper:
 * a `javascript:` one would run in the shop's page). Soisy answering otherwise is not believed:
 * SOISY.UNEXPECTED_RESPONSE, like a missing field. Get order's amounts are only compared and shown
 * to the back office, and keep the looser bounds.
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
  const totalRepaidCents = positiveWholeNumber(quote, 'totalRepaid');
  return {
    feeCents: wholeNumber(quote, 'fee'),
    interestCents: wholeNumber(quote, 'interest'),
    interestRate: rate(quote, 'interestRate'),
    totalRepaidCents,
    apr: rate(quote, 'apr'),
    instalmentAmountCents: instalment(quote, 'instalmentAmount', totalRepaidCents, wholeNumber),
  };
}

/** The token is the orders row's unique key, so it must fit a btree index entry (see `storableToken`). */
export function readCreatedOrder(data: unknown): CreatedOrder {
  const body = object(data, 'body');
  return { token: storableToken(body, 'token'), redirectUrl: webUrl(body, 'redirectUrl') };
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
  const totalRepaymentCents = positive(body, 'totalRepayment', storableWholeNumber);
  return {
    apr: rate(body, 'apr'),
    instalmentAmountCents: instalment(body, 'instalmentAmount', totalRepaymentCents, storableWholeNumber),
    totalRepaymentCents,
    zeroInterestRate: optional(body, 'zeroInterestRate', boolean) ?? false,
    // Missing means "not asked": at worst Soisy then names the missing fields at approval.
    additionalDataNeeded: optional(body, 'additionalDataNeeded', boolean) ?? false,
  };
}

/** `amountCents`: the amount the approval asked for, which the net amount disbursed cannot exceed. */
export function readApproval(data: unknown, amountCents: number): ApprovalOutcome {
  const body = object(data, 'body');
  // A 201 that still says `approved: false` is treated as the refusal it claims to be.
  if (body.approved === false) return { approved: false };
  const netAmountCents = positive(body, 'netAmount', storableWholeNumber);
  if (netAmountCents > amountCents) throw new MalformedSoisyResponse('netAmount');
  return {
    approved: true,
    redirectUrl: webUrl(body, 'redirectUrl'),
    netAmountCents,
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
 * A yearly percentage: 0 up to, not including, 100. Italy's usury thresholds sit far below 100 %,
 * and it also keeps `apr` well inside its Decimal(7,3) column (which overflows from 9999.9995).
 */
const RATE_LIMIT = 100;

function rate(body: Payload, key: string): number {
  const value = number(body, key);
  if (value < 0 || value >= RATE_LIMIT) throw new MalformedSoisyResponse(key);
  return value;
}

/** A whole figure above 0, read by `read` (with its own bounds). */
function positive(body: Payload, key: string, read: (body: Payload, key: string) => number): number {
  const value = read(body, key);
  if (value === 0) throw new MalformedSoisyResponse(key);
  return value;
}

/** An instalment: above 0, and no larger than the total repaid over all of them. */
function instalment(body: Payload, key: string, totalCents: number, read: (body: Payload, key: string) => number): number {
  const value = positive(body, key, read);
  if (value > totalCents) throw new MalformedSoisyResponse(key);
  return value;
}

function positiveWholeNumber(body: Payload, key: string): number {
  return positive(body, key, wholeNumber);
}

/** Where the storefront sends the shopper: an absolute http(s) URL, nothing a browser would run. */
function webUrl(body: Payload, key: string): string {
  const value = string(body, key);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MalformedSoisyResponse(key);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MalformedSoisyResponse(key);
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
