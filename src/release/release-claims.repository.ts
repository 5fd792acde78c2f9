import { Injectable } from '@nestjs/common';
import type { Order, Prisma } from '../generated/prisma/client.js';
import type { AlsoInTransaction } from '../orders/orders.repository.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { CLAIM_LEASE_MS, RELEASABLE_STATUSES, ReleaseClaim } from './release-claim.js';
import type { AlsoWithOrder } from './release.repository.js';

type ClaimRow = Omit<ReleaseClaim, 'source'>;

/**
 * Who may call match-trigger is decided here, by the database: a claim is a conditional UPDATE
 * that only one transaction can win, committed before Soisy is called. Several instances on one
 * database are therefore safe without any in-process lock.
 */
@Injectable()
export class ReleaseClaimsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A release now: wins only from `none`, `scheduled` or `failed` (a fresh series of attempts). */
  async claimNow(orderId: string, amountCents: number, now: Date, also?: AlsoInTransaction): Promise<ReleaseClaim | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<ClaimRow[]>`
        UPDATE orders SET "releaseStatus" = 'in_progress', "releaseAmountCents" = ${amountCents},
          "releaseAttempts" = CASE WHEN "releaseStatus" = 'failed' THEN 1 ELSE "releaseAttempts" + 1 END,
          "releaseNextAttemptAt" = ${lease(now)}, "releaseAt" = NULL, "updatedAt" = ${now}
        WHERE id = ${orderId}::uuid AND "releaseStatus" IN ('none', 'scheduled', 'failed')
          AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL
        RETURNING id, token, "releaseAmountCents" AS "amountCents", "releaseAttempts" AS attempt`;
      if (!row) return undefined;
      const claim = { ...row, source: 'api' as const };
      await this.recordAttempt(tx, claim);
      await also?.(tx);
      return claim;
    });
  }

  /** Stores (or moves) a scheduled release; `releaseNextAttemptAt` is when the scheduler may claim it. */
  async schedule(orderId: string, amountCents: number, releaseAt: Date, now: Date, also?: AlsoWithOrder): Promise<Order | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE orders SET "releaseStatus" = 'scheduled', "releaseAmountCents" = ${amountCents},
          "releaseAt" = ${releaseAt}, "releaseNextAttemptAt" = ${releaseAt}, "updatedAt" = ${now},
          "releaseAttempts" = CASE WHEN "releaseStatus" = 'failed' THEN 0 ELSE "releaseAttempts" END
        WHERE id = ${orderId}::uuid AND "releaseStatus" IN ('none', 'scheduled', 'failed')
          AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL
        RETURNING id`;
      if (rows.length === 0) return undefined;
      const data = { amount: amountCents, releaseAt: releaseAt.toISOString() };
      await tx.orderEvent.create({ data: { orderId, source: 'api', type: 'release.scheduled', data } });
      const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
      await also?.(tx, order);
      return order;
    });
  }

  /**
   * Due scheduled releases, claimed in one statement. SKIP LOCKED lets instances ticking at the
   * same moment take disjoint rows instead of waiting on each other; a row another transaction has
   * just claimed no longer matches `scheduled` when re-checked.
   */
  async claimDue(now: Date, limit: number): Promise<ReleaseClaim[]> {
    return this.prisma.$transaction(async (tx) => {
      // A MATERIALIZED CTE picks the rows once: as `id IN (subquery … LIMIT n)` PostgreSQL may
      // re-run the subquery and claim more than `limit` rows.
      const rows = await tx.$queryRaw<ClaimRow[]>`
        WITH due AS MATERIALIZED (
          SELECT id FROM orders
          WHERE "releaseStatus" = 'scheduled' AND "releaseNextAttemptAt" <= ${now}
            AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL
          ORDER BY "releaseNextAttemptAt" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        UPDATE orders SET "releaseStatus" = 'in_progress', "releaseAttempts" = "releaseAttempts" + 1,
          "releaseNextAttemptAt" = ${lease(now)}, "updatedAt" = ${now}
        FROM due WHERE orders.id = due.id AND orders."releaseStatus" = 'scheduled'
        RETURNING orders.id, orders.token, orders."releaseAmountCents" AS "amountCents", orders."releaseAttempts" AS attempt`;
      const claims = rows.map((row) => ({ ...row, source: 'scheduler' as const }));
      for (const claim of claims) await this.recordAttempt(tx, claim);
      return claims;
    });
  }

  /** Every attempt leaves an event before Soisy is called, so even a crash mid-call is on record. */
  private async recordAttempt(tx: Prisma.TransactionClient, claim: ReleaseClaim): Promise<void> {
    const data = { attempt: claim.attempt, amount: claim.amountCents };
    await tx.orderEvent.create({ data: { orderId: claim.id, source: claim.source, type: 'release.attempt_started', data } });
  }
}

function lease(now: Date): Date {
  return new Date(now.getTime() + CLAIM_LEASE_MS);
}
