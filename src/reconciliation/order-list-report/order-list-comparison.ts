import type { OrderStatus } from '../../orders/order.js';
import { MERCHANT_CANCELLED_DETAIL, MISMATCH_DETAIL_PREFIX } from '../../orders/status-detail.js';
import { LOCAL_STATUS_OF } from '../../orders/order-lifecycle.js';
import type { SoisyOrderListEntry, SoisyOrderStatus } from '../../soisy/index.js';

/** What the comparison needs of one of our orders (no personal data). */
export interface LocalOrderFigures {
  id: string;
  token: string | null;
  orderReference: string;
  status: OrderStatus;
  amountCents: number;
  netAmountCents: number | null;
  statusDetail: string | null;
}

/** An order Soisy has and we do not know by its token (e.g. its create-order answer was lost). */
export interface Orphan {
  token: string;
  orderReference: string | null;
  /** Soisy's status, normalised; null when Soisy's list shows one this service does not know. */
  soisyStatus: SoisyOrderStatus | null;
  /** Integer euro cents, as Soisy lists it. */
  amount: number | null;
  /** When Soisy created it (ISO 8601). */
  createdAt: string | null;
  /**
   * Our order with the same reference, if any: `pending` = its creation answer was lost and creation
   * recovery has not adopted it yet; `failed` = we concluded Soisy never created it.
   */
  localStatus: OrderStatus | null;
}

export type Difference = 'status' | 'amount' | 'netAmount';

/** One of our orders whose status or amounts differ from Soisy's list. */
export interface Mismatch {
  orderId: string;
  token: string;
  orderReference: string;
  differences: Difference[];
  localStatus: OrderStatus;
  soisyStatus: SoisyOrderStatus | null;
  /** Integer euro cents: ours, then Soisy's. */
  amount: number;
  soisyAmount: number | null;
  netAmount: number | null;
  soisyNetAmount: number | null;
}

/**
 * An order the merchant cancelled here (POST /v1/orders/{token}/cancel) that Soisy still lists as
 * open: expected, since Soisy has no cancel call, and not a mismatch. The operator's to-do list: each
 * still needs Soisy partner support to cancel it on Soisy's side.
 */
export interface CancelledHereOnly {
  token: string;
  orderReference: string;
  /** Soisy's status, normalised: anything but `cancelled` (agreement) and `disbursed` (a mismatch: money moved). */
  soisyStatus: SoisyOrderStatus;
  /** Ours, integer euro cents. */
  amount: number;
}

export interface Comparison {
  orphans: Orphan[];
  mismatches: Mismatch[];
  /** Listed apart from mismatches; one whose amounts differ too is also a mismatch (amounts only). */
  cancelledHereOnly: CancelledHereOnly[];
  /** Our orders in the list that agree with it: a mismatch flagged on them earlier is resolved. */
  agreeing: LocalOrderFigures[];
}

/**
 * Soisy's list against our orders. Status: ours must be the one Soisy's status means
 * (LOCAL_STATUS_OF, the lifecycle's mapping), except that a loan we saw refused is `cancelled` at
 * Soisy. A status Soisy lists that we do not know is not compared. Amounts: the loan amount, and
 * the net amount once both sides have one.
 */
export function compareOrderList(entries: readonly SoisyOrderListEntry[], local: readonly LocalOrderFigures[]): Comparison {
  const byToken = new Map(local.filter((order) => order.token).map((order) => [order.token!, order]));
  const byReference = new Map(local.map((order) => [order.orderReference, order]));
  const result: Comparison = { orphans: [], mismatches: [], cancelledHereOnly: [], agreeing: [] };
  for (const entry of entries) {
    const order = byToken.get(entry.token);
    if (!order) {
      result.orphans.push(orphanOf(entry, entry.orderReference ? byReference.get(entry.orderReference) : undefined));
      continue;
    }
    const cancelledHereOnly = isCancelledHereOnly(order, entry.status);
    if (cancelledHereOnly) {
      result.cancelledHereOnly.push({ token: entry.token, orderReference: order.orderReference, soisyStatus: entry.status!, amount: order.amountCents });
    }
    const differences = differencesOf(entry, order).filter((difference) => !(cancelledHereOnly && difference === 'status'));
    if (differences.length === 0) result.agreeing.push(order);
    else result.mismatches.push(mismatchOf(entry, order, differences));
  }
  return result;
}

/**
 * Whether our status is what Soisy's means. An order we expired is one Soisy still lists as a
 * quote or a request: Soisy never expires orders itself, so that is agreement, not a mismatch.
 */
export function statusesAgree(local: OrderStatus, soisy: SoisyOrderStatus): boolean {
  return LOCAL_STATUS_OF[soisy] === local || (local === 'refused' && soisy === 'cancelled')
    || (local === 'expired' && (soisy === 'quote' || soisy === 'request_received'));
}

/**
 * A merchant cancellation is "here only" (Soisy has no cancel call), so Soisy listing the order at
 * any stage before disbursement is what it must look like until partner support cancels it there.
 * Soisy `cancelled` is plain agreement; Soisy `disbursed` is not expected: the shopper's loan was paid
 * out for an order the merchant cancelled, a mismatch for a human.
 */
function isCancelledHereOnly(order: LocalOrderFigures, soisy: SoisyOrderStatus | undefined): boolean {
  return order.status === 'cancelled' && order.statusDetail === MERCHANT_CANCELLED_DETAIL
    && soisy !== undefined && soisy !== 'cancelled' && soisy !== 'disbursed';
}

function differencesOf(entry: SoisyOrderListEntry, order: LocalOrderFigures): Difference[] {
  const differences: Difference[] = [];
  if (entry.status && !statusesAgree(order.status, entry.status)) differences.push('status');
  if (entry.amountCents !== undefined && entry.amountCents !== order.amountCents) differences.push('amount');
  if (entry.netAmountCents !== undefined && order.netAmountCents !== null && entry.netAmountCents !== order.netAmountCents) {
    differences.push('netAmount');
  }
  return differences;
}

function orphanOf(entry: SoisyOrderListEntry, sameReference: LocalOrderFigures | undefined): Orphan {
  return {
    token: entry.token,
    orderReference: entry.orderReference ?? null,
    soisyStatus: entry.status ?? null,
    amount: entry.amountCents ?? null,
    createdAt: entry.createdAt?.toISOString() ?? null,
    localStatus: sameReference?.status ?? null,
  };
}

function mismatchOf(entry: SoisyOrderListEntry, order: LocalOrderFigures, differences: Difference[]): Mismatch {
  return {
    orderId: order.id,
    token: entry.token,
    orderReference: order.orderReference,
    differences,
    localStatus: order.status,
    soisyStatus: entry.status ?? null,
    amount: order.amountCents,
    soisyAmount: entry.amountCents ?? null,
    netAmount: order.netAmountCents,
    soisyNetAmount: entry.netAmountCents ?? null,
  };
}

/** Marks a statusDetail as this report's, so a later report that finds the order agreeing may clear it (the core owns the prefix). */
export { MISMATCH_DETAIL_PREFIX };

/** The order's statusDetail for a mismatch: what differs, Soisy's value, then ours. */
export function mismatchDetail(mismatch: Mismatch): string {
  const parts = mismatch.differences.map((difference) => {
    if (difference === 'status') return `status (Soisy: ${mismatch.soisyStatus}, ours: ${mismatch.localStatus})`;
    if (difference === 'amount') return `amount (Soisy: ${mismatch.soisyAmount}, ours: ${mismatch.amount})`;
    return `netAmount (Soisy: ${mismatch.soisyNetAmount}, ours: ${mismatch.netAmount})`;
  });
  return `${MISMATCH_DETAIL_PREFIX}: ${parts.join('; ')}`;
}
