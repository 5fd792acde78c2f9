import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { skipLockedClaim } from '../../prisma/skip-locked-claim.js';
import { OPEN_STATUSES } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { Order } from '../order.js';
import type { OrderNote } from './order-transitions.js';
import { toOrder } from './order-row.js';
import { noStepInFlight } from './no-step-in-flight.js';

/** Soisy's status as last seen, and anything a sync learnt beside it (e.g. a flagged amount). */
export interface SeenFields {
  soisyStatus: string;
  lastSyncedAt: Date;
  statusDetail?: string;
  /** Get order's net amount, kept when the order has none (OrderSyncService). */
  netAmountCents?: number;
}

export interface StaleOrder {
  id: string;
  token: string;
}

/** What a sync stores when the order does not move, and the claim of the periodic reconciliation. */
export class SyncWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /** Stores what Soisy said without moving the order, with the event saying why it did not move. */
  recordSeen(orderId: string, seen: SeenFields, event: OrderNote | undefined): Promise<Order> {
    return this.prisma.$transaction(async (tx) => {
      const order = toOrder(await tx.order.update({ where: { id: orderId }, data: seen }));
      if (event) await this.events.write(tx, { order, ...event });
      return order;
    });
  }

  /**
   * Claims up to `limit` open orders not synced (or changed) since `cutoff`, oldest first, and
   * stamps them as synced now, so another instance's tick skips them (SKIP LOCKED) and the next
   * tick of this one does not pick them again. Not an order whose loan request or approval is being
   * sent to Soisy (a live step claim): its answer is recorded first, as for callbacks
   * (src/callbacks/callback-confirmations.ts), and a later tick syncs it.
   */
  claimStale(cutoff: Date, now: Date, limit: number): Promise<StaleOrder[]> {
    return this.prisma.$queryRaw<StaleOrder[]>(skipLockedClaim({
      table: 'orders',
      due: Prisma.sql`status::text = ANY(${OPEN_STATUSES}) AND token IS NOT NULL
        AND COALESCE("lastSyncedAt", "updatedAt") < ${cutoff} AND ${noStepInFlight(now)}`,
      orderBy: Prisma.sql`COALESCE("lastSyncedAt", "updatedAt")`,
      limit,
      set: Prisma.sql`"lastSyncedAt" = ${now}`,
      // Re-checked on the locked row: a sync that committed meanwhile made it fresh; a step may have claimed it.
      stillDue: Prisma.sql`COALESCE(claimed."lastSyncedAt", claimed."updatedAt") < ${cutoff}
        AND ${noStepInFlight(now, 'claimed')}`,
      returning: Prisma.sql`claimed.id, claimed.token`,
    }));
  }
}
