import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { skipLockedClaim } from '../../prisma/skip-locked-claim.js';
import { isUniqueViolation } from '../../prisma/unique-violation.js';
import type { OrderEventInput, OrderEventWriter } from '../order-event-writer.js';
import type { EventData, EventSource } from '../order.js';
import type { AlsoInTransaction } from './order-transitions.js';
import { toOrder, type Tx } from './order-row.js';

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

/** The Soisy order a pending attempt is adopting. */
export interface AdoptedEntry {
  token: string;
  status?: string | null;
}

const COLUMNS = ['id', '"orderReference"', '"amountCents"', 'instalments', '"zeroInterestRate"', '"creationStartedAt"', '"creationEndsBy"',
  '"creationIdempotencyKey"', '"creationRequestHash"', '"recoveryNextCheckAt"'];
const ATTEMPT_COLUMNS = Prisma.raw(COLUMNS.join(', '));
const CLAIMED_COLUMNS = Prisma.raw(COLUMNS.map((column) => `claimed.${column}`).join(', '));

/**
 * Pending orders' recovery rows. Every decision is a conditional UPDATE on the row still being
 * `pending` in the same attempt (`creationStartedAt`), so two deciders (the job on two replicas,
 * a retry) can never both apply one.
 */
export class CreationRecoveryWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * Up to `limit` pending orders whose creation call can no longer be running and that nobody is
   * checking, claimed until `leaseUntil` (SKIP LOCKED: replicas ticking together take disjoint rows).
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<PendingAttempt[]> {
    return this.prisma.$queryRaw<PendingAttempt[]>(skipLockedClaim({
      table: 'orders',
      due: Prisma.sql`status = 'pending' AND "creationEndsBy" <= ${now}
        AND ("recoveryNextCheckAt" IS NULL OR "recoveryNextCheckAt" <= ${now})`,
      orderBy: Prisma.sql`"creationEndsBy"`,
      limit,
      set: Prisma.sql`"recoveryNextCheckAt" = ${leaseUntil}`,
      stillDue: Prisma.sql`claimed.status = 'pending'`,
      returning: CLAIMED_COLUMNS,
    }));
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

  /**
   * Links the Soisy order to the pending row (its callback secret unchanged: Soisy's callbacks for
   * that order carry it), with its event, and `also` (the recovered answer for the attempt's
   * Idempotency-Key). False when the row was decided meanwhile, or the token is another order's.
   */
  async adopt(attempt: PendingAttempt, entry: AdoptedEntry, source: EventSource, also?: AlsoInTransaction): Promise<boolean> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.order.updateMany({
          where: { id: attempt.id, status: 'pending', creationStartedAt: attempt.creationStartedAt },
          data: { token: entry.token, status: 'created', soisyStatus: entry.status ?? null, recoveryNextCheckAt: null, statusDetail: null },
        });
        if (count === 0) return false;
        const data = { foundIn: 'order_list', soisyStatus: entry.status ?? null };
        await this.event(tx, attempt.id, { type: 'order.creation_recovered', fromStatus: 'pending', toStatus: 'created', source, data });
        await also?.(tx);
        return true;
      });
    } catch (error) {
      // The token is another order's after all (linked between our read and this write): not ours.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Soisy has no order for this attempt: `failed`, so the reference may be created again; `also` with it. */
  async markAbsent(attempt: PendingAttempt, source: EventSource, listReadAt: Date, also?: AlsoInTransaction): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: attempt.id, status: 'pending', creationStartedAt: attempt.creationStartedAt },
        data: { status: 'failed', statusDetail: 'ORDER.ABSENT_AT_SOISY', recoveryNextCheckAt: null },
      });
      if (count === 0) return false;
      const data = { code: 'ORDER.ABSENT_AT_SOISY', listReadAt: listReadAt.toISOString() };
      await this.event(tx, attempt.id, { type: 'order.creation_absent', fromStatus: 'pending', toStatus: 'failed', source, data });
      await also?.(tx);
      return true;
    });
  }

  /** Not decided yet: look again at `next` (earlier checks cannot establish anything new). */
  async postpone(attempt: PendingAttempt, next: Date, detail?: { event: string; statusDetail: string; data: EventData }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const where = { id: attempt.id, status: 'pending' as const, creationStartedAt: attempt.creationStartedAt };
      const { count } = await tx.order.updateMany({ where, data: { recoveryNextCheckAt: next, ...(detail ? { statusDetail: detail.statusDetail } : {}) } });
      if (count === 1 && detail) await this.event(tx, attempt.id, { type: detail.event, source: 'sync', data: detail.data });
    });
  }

  private async event(tx: Tx, orderId: string, event: Omit<OrderEventInput, 'order'>): Promise<void> {
    const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } }));
    await this.events.write(tx, { ...event, order });
  }
}
