import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { EventSource } from '../../generated/prisma/enums.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import type { SoisyOrderListEntry } from '../../soisy/index.js';

/** A pending order whose creation recovery is deciding, as claimed (the attempt it belongs to). */
export interface PendingAttempt {
  id: string;
  orderReference: string;
  amountCents: number;
  instalments: number | null;
  zeroInterestRate: boolean | null;
  creationStartedAt: Date;
  creationEndsBy: Date;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
  recoveryNextCheckAt: Date | null;
}

/** The idempotency scope of create order, whose record recovery completes. */
export const CREATE_ORDER_SCOPE = 'POST /v1/orders';

const COLUMNS = ['id', '"orderReference"', '"amountCents"', 'instalments', '"zeroInterestRate"', '"creationStartedAt"', '"creationEndsBy"',
  '"creationIdempotencyKey"', '"creationRequestHash"', '"recoveryNextCheckAt"'];
const ATTEMPT_COLUMNS = Prisma.raw(COLUMNS.join(', '));
const CLAIMED_COLUMNS = Prisma.raw(COLUMNS.map((column) => `orders.${column}`).join(', '));

/**
 * Pending orders' recovery rows. Every decision is a conditional UPDATE on the row still being
 * `pending` in the same attempt (`creationStartedAt`), so two deciders (the job on two replicas,
 * a retry) can never both apply one.
 */
@Injectable()
export class CreationRecoveryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Up to `limit` pending orders whose creation call can no longer be running and that nobody is
   * checking, claimed until `leaseUntil` (SKIP LOCKED: replicas ticking together take disjoint rows).
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<PendingAttempt[]> {
    return this.prisma.$queryRaw<PendingAttempt[]>`
      WITH due AS MATERIALIZED (
        SELECT id FROM orders
        WHERE status = 'pending' AND "creationEndsBy" <= ${now}
          AND ("recoveryNextCheckAt" IS NULL OR "recoveryNextCheckAt" <= ${now})
        ORDER BY "creationEndsBy" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE orders SET "recoveryNextCheckAt" = ${leaseUntil}
      FROM due WHERE orders.id = due.id AND orders.status = 'pending'
      RETURNING ${CLAIMED_COLUMNS}`;
  }

  /** The pending order of a reference, for a retry of its creation; undefined when there is none. */
  async findPending(shopId: string, orderReference: string): Promise<PendingAttempt | undefined> {
    const [row] = await this.prisma.$queryRaw<PendingAttempt[]>`
      SELECT ${ATTEMPT_COLUMNS} FROM orders
      WHERE "shopId" = ${shopId} AND "orderReference" = ${orderReference} AND status = 'pending'`;
    return row;
  }

  /** Claims one pending order for a check now, unless another decider holds it. */
  async claimOne(orderId: string, now: Date, leaseUntil: Date): Promise<PendingAttempt | undefined> {
    const [row] = await this.prisma.$queryRaw<PendingAttempt[]>`
      UPDATE orders SET "recoveryNextCheckAt" = ${leaseUntil}
      WHERE id = ${orderId}::uuid AND status = 'pending'
        AND ("recoveryNextCheckAt" IS NULL OR "recoveryNextCheckAt" <= ${now})
      RETURNING ${ATTEMPT_COLUMNS}`;
    return row;
  }

  /** The tokens among these that a local order already holds. */
  async tokensInUse(tokens: string[]): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const rows = await this.prisma.order.findMany({ where: { token: { in: tokens } }, select: { token: true } });
    return new Set(rows.map((row) => row.token!));
  }

  /**
   * Links the Soisy order to the pending row (its callback secret unchanged: Soisy's callbacks for
   * that order carry it), with its event, and stores the recovered answer for the attempt's
   * Idempotency-Key so a retry with it replays the order. False when the row was decided meanwhile.
   */
  async adopt(attempt: PendingAttempt, entry: SoisyOrderListEntry, source: EventSource, answer: Prisma.InputJsonObject, now: Date): Promise<boolean> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.order.updateMany({
          where: { id: attempt.id, status: 'pending', creationStartedAt: attempt.creationStartedAt },
          data: { token: entry.token, status: 'created', soisyStatus: entry.status ?? null, recoveryNextCheckAt: null, statusDetail: null },
        });
        if (count === 0) return false;
        const data = { foundIn: 'order_list', soisyStatus: entry.status ?? null };
        await tx.orderEvent.create({ data: { orderId: attempt.id, type: 'order.creation_recovered', fromStatus: 'pending', toStatus: 'created', source, data } });
        if (attempt.creationIdempotencyKey && attempt.creationRequestHash) await this.storeAnswer(tx, attempt, answer, now);
        return true;
      });
    } catch (error) {
      // The token is another order's after all (linked between our read and this write): not ours.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  /** Soisy has no order for this attempt: `failed`, so the reference may be created again. */
  async markAbsent(attempt: PendingAttempt, source: EventSource, listReadAt: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: attempt.id, status: 'pending', creationStartedAt: attempt.creationStartedAt },
        data: { status: 'failed', statusDetail: 'ORDER.ABSENT_AT_SOISY', recoveryNextCheckAt: null },
      });
      if (count === 0) return false;
      const data = { code: 'ORDER.ABSENT_AT_SOISY', listReadAt: listReadAt.toISOString() };
      await tx.orderEvent.create({ data: { orderId: attempt.id, type: 'order.creation_absent', fromStatus: 'pending', toStatus: 'failed', source, data } });
      // The attempt's unfinished key record (a crash left it) would answer 409 for minutes: the retry may run now.
      if (attempt.creationIdempotencyKey) {
        await tx.idempotencyRecord.deleteMany({ where: { scope: CREATE_ORDER_SCOPE, key: attempt.creationIdempotencyKey, responseStatus: null } });
      }
      return true;
    });
  }

  /** Not decided yet: look again at `next` (earlier checks cannot establish anything new). */
  async postpone(attempt: PendingAttempt, next: Date, detail?: { event: string; statusDetail: string; data: Prisma.InputJsonObject }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const where = { id: attempt.id, status: 'pending' as const, creationStartedAt: attempt.creationStartedAt };
      const { count } = await tx.order.updateMany({ where, data: { recoveryNextCheckAt: next, ...(detail ? { statusDetail: detail.statusDetail } : {}) } });
      if (count === 1 && detail) await tx.orderEvent.create({ data: { orderId: attempt.id, type: detail.event, source: 'sync', data: detail.data } });
    });
  }

  /** Completes (or, when a crash or an abandoned-key cleanup removed it, re-creates) the attempt's key record. */
  private async storeAnswer(tx: Prisma.TransactionClient, attempt: PendingAttempt, answer: Prisma.InputJsonObject, now: Date): Promise<void> {
    const body = JSON.stringify(answer);
    await tx.$executeRaw`
      INSERT INTO idempotency_records (id, scope, key, "requestHash", "responseStatus", "responseBody", "createdAt", "completedAt")
      VALUES (gen_random_uuid(), ${CREATE_ORDER_SCOPE}, ${attempt.creationIdempotencyKey}, ${attempt.creationRequestHash}, 201, ${body}::jsonb, ${attempt.creationStartedAt}, ${now})
      ON CONFLICT (scope, key) DO UPDATE SET "responseStatus" = 201, "responseBody" = EXCLUDED."responseBody", "completedAt" = EXCLUDED."completedAt"
      WHERE idempotency_records."requestHash" = EXCLUDED."requestHash" AND idempotency_records."responseStatus" IS NULL`;
  }
}
