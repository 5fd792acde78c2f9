import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../../prisma/prisma.service.js';
import type { CheckoutStep } from '../order.js';
import { CLAIMABLE_STATUSES, STEP_CLAIM_LEASE_MS, type StepClaim } from '../step-claim.js';
import type { Tx } from './order-row.js';

/**
 * Who may call Soisy for a loan request or an approval is decided here, by the database: a claim is
 * a conditional UPDATE that only one transaction can win (PostgreSQL re-checks the WHERE clause on
 * the row a concurrent winner committed), committed before Soisy is called. Replicas on one
 * database are therefore safe without any in-process lock; a claim whose holder died expires.
 */
export class StepClaimWrites {
  constructor(private readonly prisma: PrismaService) {}

  /** Wins the order for `step` when no live claim holds it and its status allows the step; else undefined. */
  async claim(orderId: string, step: CheckoutStep, now: Date): Promise<StepClaim | undefined> {
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + STEP_CLAIM_LEASE_MS);
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE orders SET "stepClaim" = ${step}::"CheckoutStep", "stepClaimId" = ${id}::uuid, "stepClaimExpiresAt" = ${expiresAt}
      WHERE id = ${orderId}::uuid AND ("stepClaim" IS NULL OR "stepClaimExpiresAt" <= ${now})
        AND status::text = ANY(${CLAIMABLE_STATUSES[step]})
      RETURNING id`;
    return rows.length === 1 ? { orderId, step, id } : undefined;
  }

  /**
   * Frees the claim, if it is still this one (a holder whose lease expired and was taken over must
   * not free its successor's). Inside `tx` when the step's outcome commits with it.
   */
  async release(claim: StepClaim, tx?: Tx): Promise<void> {
    await (tx ?? this.prisma).$executeRaw`
      UPDATE orders SET "stepClaim" = NULL, "stepClaimId" = NULL, "stepClaimExpiresAt" = NULL
      WHERE id = ${claim.orderId}::uuid AND "stepClaimId" = ${claim.id}::uuid`;
  }
}
