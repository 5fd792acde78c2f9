import { isUniqueViolation } from '../../prisma/unique-violation.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { canRetryCreation } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { Order } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import type { AlsoInTransaction } from './order-transitions.js';
import { toOrder, type Tx } from './order-row.js';

export interface PendingOrderDraft {
  shopId: string;
  orderReference: string;
  amountCents: number;
  /** The merchant's instalments (null: the shopper chooses); also stored as `fixedInstalments`. */
  instalments: number | null;
  zeroInterestRate: boolean | null;
  fiscalCode: string | null;
  successUrl: string | null;
  errorUrl: string | null;
  callbackSecret: string;
  /** The attempt: when it started and when its Soisy call can no longer be running (recovery waits for that). */
  creationStartedAt: Date;
  creationEndsBy: Date;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
}

/** Soisy's answer to a create-order call. */
export interface CreatedAtSoisy {
  token: string;
  redirectUrl: string;
}

/**
 * Creating an order's rows around the Soisy call: the `pending` row written before it, and what
 * the call's outcome makes of it. A pending row leaves `pending` only through its Soisy answer,
 * a refusal, or creation recovery (src/checkout/creation-recovery): never by age.
 */
export class OrderCreationWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * In one transaction: `first` (the idempotency record), then a new pending row, or the failed row
   * of the same reference back to pending. A pending row is 409 CREATION_PENDING (recovery decides
   * it), any other existing row 409 REFERENCE_TAKEN; nothing is written then. The unique
   * (shopId, orderReference) decides between two concurrent first attempts.
   */
  async claim(draft: PendingOrderDraft, first?: AlsoInTransaction): Promise<Order> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await first?.(tx);
        const where = { shopId_orderReference: { shopId: draft.shopId, orderReference: draft.orderReference } };
        const existing = await tx.order.findUnique({ where, select: { id: true, status: true, updatedAt: true } });
        if (!existing) return this.insert(tx, draft);
        if (existing.status === 'pending') throw OrderErrors.creationPending(draft.orderReference);
        if (!canRetryCreation(existing.status)) throw OrderErrors.referenceTaken(draft.orderReference, existing.status);
        return this.retry(tx, existing, draft);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw OrderErrors.creationPending(draft.orderReference);
      throw error;
    }
  }

  /**
   * Soisy's answer, stored with `also` (the idempotency record). When recovery adopted the same
   * Soisy order meanwhile, only the redirect URL (which the list lacks) is added.
   */
  async complete(order: Order, created: CreatedAtSoisy, also?: AlsoInTransaction): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: 'pending', creationStartedAt: order.creationStartedAt },
        data: { token: created.token, redirectUrl: created.redirectUrl, status: 'created', recoveryNextCheckAt: null },
      });
      if (count === 1) {
        const done = toOrder(await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
        await this.events.write(tx, { order: done, type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api' });
      } else {
        const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, token: true } });
        if (current.token !== created.token) throw OrderErrors.illegalTransition(current.status, 'created');
        const done = toOrder(await tx.order.update({ where: { id: order.id }, data: { redirectUrl: created.redirectUrl } }));
        await this.events.write(tx, { order: done, type: 'order.creation_answer_after_recovery', source: 'api' });
      }
      await also?.(tx);
    });
  }

  /**
   * The call ended without an answer (timeout, dropped connection, 5xx): it is no longer running, so
   * recovery may look the order up from `now` instead of waiting for the attempt's deadline.
   */
  async outcomeUnknown(order: Order, code: string, now: Date, also?: AlsoInTransaction): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.updateMany({ where: { id: order.id, status: 'pending', creationStartedAt: order.creationStartedAt }, data: { creationEndsBy: now } });
      const current = toOrder(await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
      await this.events.write(tx, { order: current, source: 'api', type: 'order.creation_outcome_unknown', data: { code } });
      await also?.(tx);
    });
  }

  private async insert(tx: Tx, draft: PendingOrderDraft): Promise<Order> {
    const order = toOrder(await tx.order.create({ data: { ...draft, fixedInstalments: draft.instalments, status: 'pending' } }));
    await this.events.write(tx, { order, type: 'order.creation_started', toStatus: 'pending', source: 'api', data: fixedTerms(draft) });
    return order;
  }

  /** Conditional on the row being as read, so two concurrent retries cannot both revive it. */
  private async retry(tx: Tx, existing: Pick<Order, 'id' | 'status' | 'updatedAt'>, draft: PendingOrderDraft): Promise<Order> {
    const { id, status, updatedAt } = existing;
    const data = { ...draft, fixedInstalments: draft.instalments, status: 'pending' as const, statusDetail: null, recoveryNextCheckAt: null };
    const { count } = await tx.order.updateMany({ where: { id, status, updatedAt }, data });
    if (count === 0) throw OrderErrors.creationPending(draft.orderReference);
    const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id } }));
    await this.events.write(tx, { order, type: 'order.creation_retried', fromStatus: status, toStatus: 'pending', source: 'api', data: fixedTerms(draft) });
    return order;
  }
}

/** What the merchant fixed, kept in the history (the column `fixedInstalments` is what is read). */
function fixedTerms(draft: PendingOrderDraft): { instalments: number | null } {
  return { instalments: draft.instalments };
}
