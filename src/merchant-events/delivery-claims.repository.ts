import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import type { MerchantEventPayload } from '../orders/outbox/index.js';
import type { PostOutcome } from './webhook-sender.js';

/** A delivery held by this worker until `leaseUntil`, with what it must send. */
export interface ClaimedDelivery {
  id: string;
  leaseId: string;
  eventId: string;
  endpoint: string;
  /** Failed attempts so far. */
  attempts: number;
  createdAt: Date;
  eventCreatedAt: Date;
  payload: MerchantEventPayload;
}

export type Settlement =
  | { status: 'delivered'; at: Date }
  | { status: 'pending'; nextAttemptAt: Date; lastError: string }
  | { status: 'failed'; lastError: string };

@Injectable()
export class DeliveryClaimsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims up to `limit` due deliveries until `leaseUntil`, oldest event first. Only the head of each
   * (order, endpoint) queue is due: a delivery waits while an earlier event of the same order is
   * still pending to the same endpoint, even one waiting out its backoff, so per order the merchant
   * receives events in creation order; other orders are not held up. SKIP LOCKED lets several
   * replicas claim at once without waiting for or taking each other's rows; the CTE runs once, so
   * exactly the rows it locked are leased.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const leaseId = randomUUID();
    return this.prisma.$queryRaw<ClaimedDelivery[]>`
      WITH due AS (
        SELECT d.id FROM merchant_event_deliveries d
        WHERE d.status = 'pending' AND d."nextAttemptAt" <= ${now}
          AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now})
          AND NOT EXISTS (
            SELECT 1 FROM merchant_event_deliveries e
            WHERE e."orderId" = d."orderId" AND e.endpoint = d.endpoint AND e.status = 'pending'
              AND (e.sequence, e.id) < (d.sequence, d.id))
        ORDER BY d.sequence, d.id
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE merchant_event_deliveries m
      SET "leaseUntil" = ${leaseUntil}, "leaseId" = ${leaseId}::uuid
      FROM due, merchant_events ev
      WHERE m.id = due.id AND ev.id = m."eventId"
      RETURNING m.id, m."leaseId"::text AS "leaseId", m."eventId"::text AS "eventId", m.endpoint, m.attempts,
        m."createdAt", ev."createdAt" AS "eventCreatedAt", ev.payload`;
  }

  /**
   * Records the attempt and, if this worker still holds the lease, its outcome. An attempt made after
   * the lease was taken over is logged but settles nothing (the new holder's attempt will).
   */
  async settle(claim: ClaimedDelivery, attempt: PostOutcome | undefined, at: Date, settlement: Settlement): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (attempt) {
        await tx.merchantEventAttempt.create({
          data: { id: randomUUID(), deliveryId: claim.id, statusCode: attempt.statusCode, durationMs: attempt.durationMs, errorClass: attempt.errorClass, at },
        });
      }
      const { count } = await tx.merchantEventDelivery.updateMany({
        where: { id: claim.id, leaseId: claim.leaseId, status: 'pending' },
        data: {
          attempts: attempt ? { increment: 1 } : undefined,
          status: settlement.status,
          leaseUntil: null,
          leaseId: null,
          ...(settlement.status === 'delivered' ? { deliveredAt: settlement.at, lastError: null } : { lastError: settlement.lastError }),
          ...(settlement.status === 'pending' ? { nextAttemptAt: settlement.nextAttemptAt } : {}),
        },
      });
      return count === 1;
    });
  }

  /** Deliveries not yet delivered nor given up: the queue depth metric. */
  pendingCount(): Promise<number> {
    return this.prisma.merchantEventDelivery.count({ where: { status: 'pending' } });
  }
}
