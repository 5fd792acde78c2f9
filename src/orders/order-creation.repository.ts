import { Injectable } from '@nestjs/common';
import { Prisma, type Order } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { canRetryCreation } from './order-lifecycle.js';
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
  async claim(draft: PendingOrderDraft, first?: AlsoInTransaction): Promise<Order> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await first?.(tx);
        const where = { shopId_orderReference: { shopId: draft.shopId, orderReference: draft.orderReference } };
        const existing = await tx.order.findUnique({ where, select: { id: true, status: true } });
        if (!existing) return this.insert(tx, draft);
        if (existing.status === 'pending') throw OrderErrors.creationPending(draft.orderReference);
        if (!canRetryCreation(existing.status)) throw OrderErrors.referenceTaken(draft.orderReference, existing.status);
        return this.retry(tx, existing.id, draft);
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

  /** Conditional on still being failed, so two concurrent retries cannot both revive it. */
  private async retry(tx: Prisma.TransactionClient, orderId: string, draft: PendingOrderDraft): Promise<Order> {
    const { count } = await tx.order.updateMany({ where: { id: orderId, status: 'failed' }, data: { ...draft, status: 'pending', statusDetail: null } });
    if (count === 0) throw OrderErrors.creationPending(draft.orderReference);
    await tx.orderEvent.create({ data: { orderId, type: 'order.creation_retried', fromStatus: 'failed', toStatus: 'pending', source: 'api', data: fixedTerms(draft) } });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  }
}

/** What the merchant fixed, kept because a loan request later overwrites the order's instalments. */
function fixedTerms(draft: PendingOrderDraft): Prisma.InputJsonObject {
  return { instalments: draft.instalments };
}
