import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { skipLockedClaim } from '../../prisma/skip-locked-claim.js';
import { untilCommitted } from '../../prisma/until-committed.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { Order, ReleaseStatus } from '../order.js';
import { CLAIM_LEASE_MS, RELEASABLE_STATUSES, type ReleaseClaim, type Settlement } from '../release-claim.js';
import type { AlsoInTransaction } from './order-transitions.js';
import { expireClaims, failUnreleasable } from './release-housekeeping.js';
import { toOrder, type Tx } from './order-row.js';

type ClaimRow = Omit<ReleaseClaim, 'source' | 'actor'>;

/** More work committed with a release change (an idempotency record), given the order after it. */
export type AlsoWithOrder = (tx: Tx, order: Order) => Promise<unknown>;

/**
 * Who may call match-trigger is decided here, by the database: a claim is a conditional UPDATE
 * that only one transaction can win, committed before Soisy is called. Several instances on one
 * database are therefore safe without any in-process lock.
 */
export class ReleaseWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * A release now: wins only from `none`, `scheduled` or `failed` (a fresh series of attempts).
   * `actor`: the back-office key's name, on the claim's events and its settlement's.
   */
  async claimNow(orderId: string, amountCents: number, now: Date, also?: AlsoInTransaction, actor: string | null = null): Promise<ReleaseClaim | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<ClaimRow[]>`
        UPDATE orders SET "releaseStatus" = 'in_progress', "releaseAmountCents" = ${amountCents},
          "releaseAttempts" = CASE WHEN "releaseStatus" = 'failed' THEN 1 ELSE "releaseAttempts" + 1 END,
          "releaseNextAttemptAt" = ${lease(now)}, "releaseAt" = NULL, "releaseResolvedBy" = NULL, "updatedAt" = ${now}
        WHERE id = ${orderId}::uuid AND "releaseStatus" IN ('none', 'scheduled', 'failed')
          AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL
        RETURNING id, token, "releaseAmountCents" AS "amountCents", "releaseAttempts" AS attempt`;
      if (!row) return undefined;
      const claim = { ...row, source: 'api' as const, actor };
      await this.recordAttempt(tx, claim);
      await also?.(tx);
      return claim;
    });
  }

  /** Stores (or moves) a scheduled release; `releaseNextAttemptAt` is when the scheduler may claim it. */
  async schedule(orderId: string, amountCents: number, releaseAt: Date, now: Date, also?: AlsoWithOrder, actor: string | null = null): Promise<Order | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE orders SET "releaseStatus" = 'scheduled', "releaseAmountCents" = ${amountCents},
          "releaseAt" = ${releaseAt}, "releaseNextAttemptAt" = ${releaseAt}, "releaseResolvedBy" = NULL, "updatedAt" = ${now},
          "releaseAttempts" = CASE WHEN "releaseStatus" = 'failed' THEN 0 ELSE "releaseAttempts" END
        WHERE id = ${orderId}::uuid AND "releaseStatus" IN ('none', 'scheduled', 'failed')
          AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL
        RETURNING id`;
      if (rows.length === 0) return undefined;
      const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } }));
      const data = { amount: amountCents, releaseAt: releaseAt.toISOString() };
      await this.events.write(tx, { order, source: 'api', type: 'release.scheduled', data, actor });
      await also?.(tx, order);
      return order;
    });
  }

  /** Due scheduled releases, claimed in one statement (the one SKIP LOCKED form, src/prisma/skip-locked-claim.ts). */
  async claimDue(now: Date, limit: number): Promise<ReleaseClaim[]> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ClaimRow[]>(skipLockedClaim({
        table: 'orders',
        due: Prisma.sql`"releaseStatus" = 'scheduled' AND "releaseNextAttemptAt" <= ${now}
          AND status::text = ANY(${RELEASABLE_STATUSES}) AND token IS NOT NULL`,
        orderBy: Prisma.sql`"releaseNextAttemptAt"`,
        limit,
        set: Prisma.sql`"releaseStatus" = 'in_progress', "releaseAttempts" = claimed."releaseAttempts" + 1,
          "releaseNextAttemptAt" = ${lease(now)}, "updatedAt" = ${now}`,
        stillDue: Prisma.sql`claimed."releaseStatus" = 'scheduled'`,
        returning: Prisma.sql`claimed.id, claimed.token, claimed."releaseAmountCents" AS "amountCents", claimed."releaseAttempts" AS attempt`,
      }));
      const claims = rows.map((row) => ({ ...row, source: 'scheduler' as const, actor: null }));
      for (const claim of claims) await this.recordAttempt(tx, claim);
      return claims;
    });
  }

  /**
   * Records an attempt's outcome, only for the claim that made it (same attempt number). A success
   * also lands on a claim that expired meanwhile (`unknown`): Soisy's 204 is the better knowledge.
   * Tried again (3 more times) while the database refuses it without committing (untilCommitted):
   * Soisy has acted, and a lost settlement would park the release as `unknown` for a human.
   */
  settle(claim: ReleaseClaim, settlement: Settlement, also?: AlsoWithOrder): Promise<Order | undefined> {
    const from: ReleaseStatus[] = settlement.status === 'released' ? ['in_progress', 'unknown'] : ['in_progress'];
    return untilCommitted(() => this.prisma.$transaction(async (tx) => {
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
      const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: claim.id } }));
      const data = { attempt: claim.attempt, amount: claim.amountCents, ...settlement.eventData };
      await this.events.write(tx, { order, source: claim.source, type: settlement.eventType, data, actor: claim.actor });
      await also?.(tx, order);
      return order;
    }));
  }

  /** Claims past their lease become `unknown` (release-housekeeping.ts). */
  expireClaims(now: Date): Promise<number> {
    return expireClaims(this.prisma, this.events, now);
  }

  /** Scheduled releases of orders no longer releasable become `failed` (release-housekeeping.ts). */
  failUnreleasable(now: Date): Promise<number> {
    return failUnreleasable(this.prisma, this.events, now);
  }

  /** Every attempt leaves an event before Soisy is called, so even a crash mid-call is on record. */
  private async recordAttempt(tx: Tx, claim: ReleaseClaim): Promise<void> {
    const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: claim.id } }));
    await this.events.write(tx, { order, source: claim.source, type: 'release.attempt_started', data: { attempt: claim.attempt, amount: claim.amountCents }, actor: claim.actor });
  }
}

function lease(now: Date): Date {
  return new Date(now.getTime() + CLAIM_LEASE_MS);
}
