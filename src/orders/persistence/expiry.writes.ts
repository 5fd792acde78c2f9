import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { skipLockedClaim } from '../../prisma/skip-locked-claim.js';
import { EXPIRABLE_STATUSES, type ExpirableStatus } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { EventData, Order } from '../order.js';
import { toOrder } from './order-row.js';
import { noStepInFlight } from './no-step-in-flight.js';

/** An abandoned order the expiry job holds while it asks Soisy about it. */
export interface ExpiryClaim {
  id: string;
  token: string;
  /** The status it was claimed in: the expiry applies only if it is still the order's status. */
  status: ExpirableStatus;
  /** Fences the claim: only the holder of this lease may expire the order. */
  leaseUntil: Date;
}

/**
 * The expiry job's claims and its one decision. The claim commits before Soisy is asked (no
 * transaction across the call); the expiry is a conditional UPDATE on the row being as it was
 * claimed, so a shopper, a callback or another replica acting meanwhile wins.
 */
export class ExpiryWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * Up to `limit` orders in `created`/`requested` that have not entered a status since `cutoff`
   * (their latest status-changing event, else their creation), no checkout step running, nobody's
   * lease on them; each is leased until `leaseUntil` (SKIP LOCKED: replicas take disjoint rows).
   * Oldest first. A claim whose holder dies, or whose Soisy call failed, is due again at its lease.
   */
  claimDue(cutoff: Date, now: Date, leaseUntil: Date, limit: number): Promise<ExpiryClaim[]> {
    const abandoned = (alias: string) => Prisma.sql`NOT EXISTS (
      SELECT 1 FROM order_events e WHERE e."orderId" = ${Prisma.raw(alias)}.id AND e."toStatus" IS NOT NULL AND e."createdAt" >= ${cutoff})`;
    return this.prisma.$queryRaw<ExpiryClaim[]>(skipLockedClaim({
      table: 'orders',
      due: Prisma.sql`status::text = ANY(${EXPIRABLE_STATUSES}) AND token IS NOT NULL AND "createdAt" < ${cutoff}
        AND ("expiryNextCheckAt" IS NULL OR "expiryNextCheckAt" <= ${now})
        AND ${noStepInFlight(now)}
        AND ${abandoned('orders')}`,
      orderBy: Prisma.sql`"createdAt"`,
      limit,
      set: Prisma.sql`"expiryNextCheckAt" = ${leaseUntil}`,
      // Re-checked on the locked row: a step or a status change that committed meanwhile keeps it.
      stillDue: Prisma.sql`claimed.status::text = ANY(${EXPIRABLE_STATUSES})
        AND ${noStepInFlight(now, 'claimed')}
        AND ${abandoned('claimed')}`,
      returning: Prisma.sql`claimed.id, claimed.token, claimed.status::text AS status, claimed."expiryNextCheckAt" AS "leaseUntil"`,
    }));
  }

  /**
   * Moves a claimed order to `expired` with its event (`order.expired`, source `scheduler`),
   * only if it is still in the status it was claimed in, still under this claim's lease, and no
   * checkout step started meanwhile. Returns the expired order, or undefined when it was not.
   */
  expire(claim: ExpiryClaim, now: Date, data: EventData): Promise<Order | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: {
          id: claim.id,
          status: claim.status,
          expiryNextCheckAt: claim.leaseUntil,
          OR: [{ stepClaim: null }, { stepClaimExpiresAt: { lte: now } }],
        },
        data: { status: 'expired', expiryNextCheckAt: null },
      });
      if (count === 0) return undefined;
      const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: claim.id } }));
      await this.events.write(tx, { order, type: 'order.expired', source: 'scheduler', data, fromStatus: claim.status, toStatus: 'expired' });
      return order;
    });
  }
}
