import type { PrismaService } from '../../prisma/prisma.service.js';
import { canTransition } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { CheckoutStep, Order, OrderStatus, ReleaseStatus } from '../order.js';
import { MERCHANT_CANCELLED_DETAIL } from '../status-detail.js';
import { OrderErrors } from '../orders.errors.js';
import { stepInFlight } from '../step-claim.js';
import { toOrder } from './order-row.js';

export interface MerchantCancellation {
  /** The merchant's reason; kept in the event's data. */
  reason: string;
  /** The back-office key's name. */
  actor: string;
  now: Date;
}

/** Why a cancellation was refused: the order's status, its release's, or a checkout step being sent to Soisy. */
export type CancellationRefusal =
  | { because: 'status'; status: OrderStatus }
  | { because: 'step'; step: CheckoutStep }
  | { because: 'release'; releaseStatus: Extract<ReleaseStatus, 'in_progress' | 'released' | 'unknown'> };

/** The merchant's first cancellation of an order, as its event recorded it. */
export interface FirstCancellation {
  /** Null once erased with the order's personal data (retention). */
  reason: string | null;
  /** The back-office key's name. */
  actor: string | null;
  at: Date;
}

/**
 * `cancelled`: by this call; `repeated`: the merchant had cancelled it already for the same reason
 * (nothing changed); `conflicting`: it had, for another reason (nothing changed, the first stands);
 * `refused`: not cancellable.
 */
export type CancellationResult =
  | { kind: 'cancelled' | 'repeated'; order: Order }
  | { kind: 'conflicting'; first: FirstCancellation }
  | ({ kind: 'refused' } & CancellationRefusal);

interface LockedOrder {
  status: OrderStatus;
  releaseStatus: ReleaseStatus;
  statusDetail: string | null;
  stepClaim: CheckoutStep | null;
  stepClaimExpiresAt: Date | null;
}

const RELEASE_BLOCKS: readonly ReleaseStatus[] = ['in_progress', 'released', 'unknown'];

export const CANCELLED_BEFORE_RELEASE_ERROR = 'The merchant cancelled the order before its release was due';

/**
 * The merchant's cancellation: the order moves to the lifecycle's `cancelled` (final, never
 * releasable, so every release path, the scheduler's included, refuses it by the one rule they
 * share) with `statusDetail` ORDER.CANCELLED_BY_MERCHANT and event `order.merchant_cancelled`.
 *
 * Against a release: both take the row lock. A release claim committed first (`in_progress`) wins
 * and the cancel is refused; a cancel committed first makes the claim's conditional UPDATE find a
 * non-releasable order. A scheduled release is failed with the cancellation, in its transaction.
 *
 * Against a checkout step (loan request, approval): a live step claim means Soisy is being asked
 * right now, and its answer must be recorded on an order that can still take it; the cancel is
 * refused (409 ORDER.STEP_IN_PROGRESS, retry in a moment). A cancel committed first makes the
 * step's claim find a status it cannot be claimed from.
 */
export class MerchantCancellationWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  cancel(orderId: string, cancellation: MerchantCancellation): Promise<CancellationResult> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<LockedOrder[]>`
        SELECT status, "releaseStatus", "statusDetail", "stepClaim", "stepClaimExpiresAt" FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
      if (!locked) throw OrderErrors.notFound();
      if (locked.status === 'cancelled' && locked.statusDetail === MERCHANT_CANCELLED_DETAIL) {
        // Idempotent like the other POSTs: the same request again gets the same answer; another
        // reason is another request, which must not be answered as if it had been recorded.
        const [first] = await tx.$queryRaw<FirstCancellation[]>`
          SELECT data->>'reason' AS reason, actor, "createdAt" AS at FROM order_events
          WHERE "orderId" = ${orderId}::uuid AND type = 'order.merchant_cancelled' ORDER BY "createdAt", id LIMIT 1`;
        if (first && first.reason !== cancellation.reason) return { kind: 'conflicting', first };
        return { kind: 'repeated', order: toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } })) };
      }
      if (stepInFlight(locked, cancellation.now)) {
        return { kind: 'refused', because: 'step', step: locked.stepClaim };
      }
      const releaseStatus = locked.releaseStatus;
      if (RELEASE_BLOCKS.includes(releaseStatus)) return { kind: 'refused', because: 'release', releaseStatus: releaseStatus as 'in_progress' | 'released' | 'unknown' };
      if (!canTransition(locked.status, 'cancelled')) return { kind: 'refused', because: 'status', status: locked.status };
      const scheduled = releaseStatus === 'scheduled';
      const order = toOrder(await tx.order.update({
        where: { id: orderId },
        data: {
          status: 'cancelled',
          statusDetail: MERCHANT_CANCELLED_DETAIL,
          updatedAt: cancellation.now,
          ...(scheduled ? { releaseStatus: 'failed', releaseLastError: CANCELLED_BEFORE_RELEASE_ERROR, releaseNextAttemptAt: null } : {}),
        },
      }));
      const { reason, actor } = cancellation;
      await this.events.write(tx, { order, source: 'api', type: 'order.merchant_cancelled', data: { reason }, actor, fromStatus: locked.status, toStatus: 'cancelled' });
      if (scheduled) await this.events.write(tx, { order, source: 'api', type: 'release.failed', data: { reason: 'merchant_cancelled' }, actor });
      return { kind: 'cancelled', order };
    });
  }
}
