import type { PrismaService } from '../../prisma/prisma.service.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import { EXPIRED_CLAIM_ERROR, RELEASABLE_STATUSES, UNRELEASABLE_ERROR } from '../release-claim.js';
import { toOrder, type Tx } from './order-row.js';

/** The release scheduler's housekeeping: releases nobody will settle, each parked with an event. */

/**
 * Claims past their lease: the instance holding them died mid-call. Soisy may have received the
 * match-trigger, so they become `unknown` (a human checks), never `scheduled` again.
 */
export function expireClaims(prisma: PrismaService, events: OrderEventWriter, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; attempt: number }[]>`
      UPDATE orders SET "releaseStatus" = 'unknown', "releaseLastError" = ${EXPIRED_CLAIM_ERROR},
        "releaseNextAttemptAt" = NULL, "updatedAt" = ${now}
      WHERE "releaseStatus" = 'in_progress' AND "releaseNextAttemptAt" < ${now}
      RETURNING id, "releaseAttempts" AS attempt`;
    for (const row of rows) await note(tx, events, row.id, 'release.claim_expired', { attempt: row.attempt });
    return rows.length;
  });
}

/** Scheduled releases of orders cancelled (or refused) since they were scheduled. */
export function failUnreleasable(prisma: PrismaService, events: OrderEventWriter, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
      UPDATE orders SET "releaseStatus" = 'failed', "releaseLastError" = ${UNRELEASABLE_ERROR},
        "releaseNextAttemptAt" = NULL, "updatedAt" = ${now}
      WHERE "releaseStatus" = 'scheduled' AND NOT (status::text = ANY(${RELEASABLE_STATUSES}))
      RETURNING id, status::text AS status`;
    for (const row of rows) await note(tx, events, row.id, 'release.failed', { orderStatus: row.status, reason: 'not_releasable' });
    return rows.length;
  });
}

async function note(tx: Tx, events: OrderEventWriter, orderId: string, type: string, data: { [key: string]: string | number }): Promise<void> {
  const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } }));
  await events.write(tx, { order, source: 'scheduler', type, data });
}
