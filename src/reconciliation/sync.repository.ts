import { Injectable } from '@nestjs/common';
import type { Order, Prisma } from '../generated/prisma/client.js';
import type { EventSource } from '../generated/prisma/enums.js';
import { OPEN_STATUSES } from '../orders/order-lifecycle.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** Soisy's status as last seen, and anything a sync learnt beside it (e.g. a flagged amount). */
export interface SeenFields {
  soisyStatus: string;
  lastSyncedAt: Date;
  statusDetail?: string;
}

export interface NoteEvent {
  source: EventSource;
  type: string;
  data?: Prisma.InputJsonValue;
}

export interface StaleOrder {
  id: string;
  token: string;
}


@Injectable()
export class SyncRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores what Soisy said without moving the order, with the event saying why it did not move. */
  recordSeen(orderId: string, seen: SeenFields, event: NoteEvent | undefined): Promise<Order> {
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.order.update({ where: { id: orderId }, data: seen });
      if (event) await tx.orderEvent.create({ data: { orderId, ...event } });
      return order;
    });
  }

  /**
   * Claims up to `limit` open orders not synced (or changed) since `cutoff`, oldest first, and
   * stamps them as synced now, so another instance's tick skips them (SKIP LOCKED) and the next
   * tick of this one does not pick them again.
   */
  claimStale(cutoff: Date, now: Date, limit: number): Promise<StaleOrder[]> {
    return this.prisma.$queryRaw<StaleOrder[]>`
      UPDATE orders SET "lastSyncedAt" = ${now}
      WHERE id IN (
        SELECT id FROM orders
        WHERE status::text = ANY(${OPEN_STATUSES}) AND token IS NOT NULL
          AND COALESCE("lastSyncedAt", "updatedAt") < ${cutoff}
        ORDER BY COALESCE("lastSyncedAt", "updatedAt")
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, token`;
  }
}
