import { Injectable } from '@nestjs/common';
import { Prisma, type Order } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { canRetryCreation } from './order-lifecycle.js';

/**
 * A `pending` row untouched this long is not in flight (a create-order call ends within Soisy's
 * bounded timeouts, ~1.5 minutes at most): Soisy's answer was lost. Its reference may then be
 * used again. Soisy may hold an order for the first attempt, but nobody ever received its redirect
 * URL, so no shopper can finance it, and the row gets a new callback secret, so its callbacks no
 * longer reach this order: the orphan is inert, never a second charge.
 */
export const LOST_CREATION_AFTER_MS = 3 * 60_000;
import type { AlsoInTransaction } from './orders.repository.js';
import { OrderErrors } from './orders.errors.js';

export interface PendingOrderDraft {
  shopId: string;
  orderReference: string;
  amountCents: number;
  instalments: number | null;
  zeroInterestRate: boolean | null;
  fiscalCode: string | null;
  successUrl: string | null;
  errorUrl: string | null;
  callbackSecret: string;
}

/** The first half of creating an order: the `pending` row, written before Soisy is called. */
@Injectable()
export class OrderCreationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * In one transaction: `first` (the idempotency record), then a new pending row, or the failed row
   * of the same reference back to pending. Any other existing row is a 409 and nothing is written.
   * The unique (shopId, orderReference) decides between two concurrent first attempts.
   */
  async claim(draft: PendingOrderDraft, now: Date, first?: AlsoInTransaction): Promise<Order> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await first?.(tx);
        const where = { shopId_orderReference: { shopId: draft.shopId, orderReference: draft.orderReference } };
        const existing = await tx.order.findUnique({ where, select: { id: true, status: true, updatedAt: true } });
        if (!existing) return this.insert(tx, draft);
        if (existing.status === 'pending') {
          const lost = now.getTime() - existing.updatedAt.getTime() > LOST_CREATION_AFTER_MS;
          if (!lost) throw OrderErrors.creationPending(draft.orderReference);
        } else if (!canRetryCreation(existing.status)) {
          throw OrderErrors.referenceTaken(draft.orderReference, existing.status);
        }
        return this.retry(tx, existing, draft);
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw OrderErrors.creationPending(draft.orderReference);
      }
      throw error;
    }
  }

  private async insert(tx: Prisma.TransactionClient, draft: PendingOrderDraft): Promise<Order> {
    const order = await tx.order.create({ data: { ...draft, status: 'pending' } });
    await tx.orderEvent.create({ data: { orderId: order.id, type: 'order.creation_started', toStatus: 'pending', source: 'api', data: fixedTerms(draft) } });
    return order;
  }

  /** Conditional on the row being as read, so two concurrent retries cannot both revive it. */
  private async retry(tx: Prisma.TransactionClient, existing: Pick<Order, 'id' | 'status' | 'updatedAt'>, draft: PendingOrderDraft): Promise<Order> {
    const { id, status, updatedAt } = existing;
    const { count } = await tx.order.updateMany({ where: { id, status, updatedAt }, data: { ...draft, status: 'pending', statusDetail: null } });
    if (count === 0) throw OrderErrors.creationPending(draft.orderReference);
    const data = { ...fixedTerms(draft), ...(status === 'pending' ? { previousOutcome: 'lost' } : {}) };
    await tx.orderEvent.create({ data: { orderId: id, type: 'order.creation_retried', fromStatus: status, toStatus: 'pending', source: 'api', data } });
    return tx.order.findUniqueOrThrow({ where: { id } });
  }
}

/** What the merchant fixed, kept because a loan request later overwrites the order's instalments. */
function fixedTerms(draft: PendingOrderDraft): Prisma.InputJsonObject {
  return { instalments: draft.instalments };
}
