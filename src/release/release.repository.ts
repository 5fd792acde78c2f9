import { Injectable } from '@nestjs/common';
import type { Order, Prisma } from '../generated/prisma/client.js';
import type { ReleaseStatus } from '../generated/prisma/enums.js';
import { PrismaService } from '../prisma/prisma.service.js';
import type { ReleaseClaim } from './release-claim.js';

/** How one attempt ended, as it is stored on the order and in its event. */
export interface Settlement {
  status: Extract<ReleaseStatus, 'released' | 'scheduled' | 'failed' | 'unknown'>;
  releasedAt?: Date;
  nextAttemptAt?: Date;
  lastError?: string;
  eventType: string;
  eventData?: Record<string, Prisma.InputJsonValue>;
}

/** More work committed with the settlement (an idempotency record), given the settled order. */
export type AlsoWithOrder = (tx: Prisma.TransactionClient, order: Order) => Promise<unknown>;

@Injectable()
export class ReleaseRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<Order | null> {
    return this.prisma.order.findUnique({ where: { id } });
  }

  /**
   * Records an attempt's outcome, only for the claim that made it (same attempt number). A success
   * also lands on a claim that expired meanwhile (`unknown`): Soisy's 204 is the better knowledge.
   */
  settle(claim: ReleaseClaim, settlement: Settlement, also?: AlsoWithOrder): Promise<Order | undefined> {
    const from: ReleaseStatus[] = settlement.status === 'released' ? ['in_progress', 'unknown'] : ['in_progress'];
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: claim.id, releaseAttempts: claim.attempt, releaseStatus: { in: from } },
        data: {
          releaseStatus: settlement.status,
          releasedAt: settlement.releasedAt,
          releaseNextAttemptAt: settlement.nextAttemptAt ?? null,
          releaseLastError: settlement.lastError ?? null,
        },
      });
      if (count === 0) return undefined;
      const data = { attempt: claim.attempt, amount: claim.amountCents, ...settlement.eventData };
      await tx.orderEvent.create({ data: { orderId: claim.id, source: claim.source, type: settlement.eventType, data } });
      const order = await tx.order.findUniqueOrThrow({ where: { id: claim.id } });
      await also?.(tx, order);
      return order;
    });
  }
}
