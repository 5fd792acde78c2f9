import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import { RELEASABLE_STATUSES } from './release-claim.js';

export const EXPIRED_CLAIM_ERROR = "The instance sending the match-trigger stopped before recording Soisy's answer";
export const UNRELEASABLE_ERROR = 'The order stopped being releasable before its release was due';

/** The scheduler's housekeeping: releases nobody will settle, each parked with an event. */
@Injectable()
export class ReleaseRecoveryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims past their lease: the instance holding them died mid-call. Soisy may have received the
   * match-trigger, so they become `unknown` (a human checks), never `scheduled` again.
   */
  expireClaims(now: Date): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; attempt: number }[]>`
        UPDATE orders SET "releaseStatus" = 'unknown', "releaseLastError" = ${EXPIRED_CLAIM_ERROR},
          "releaseNextAttemptAt" = NULL, "updatedAt" = ${now}
        WHERE "releaseStatus" = 'in_progress' AND "releaseNextAttemptAt" < ${now}
        RETURNING id, "releaseAttempts" AS attempt`;
      await tx.orderEvent.createMany({
        data: rows.map((row) => ({ orderId: row.id, source: 'scheduler' as const, type: 'release.claim_expired', data: { attempt: row.attempt } })),
      });
      return rows.length;
    });
  }

  /** Scheduled releases of orders cancelled (or refused) since they were scheduled. */
  failUnreleasable(now: Date): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
        UPDATE orders SET "releaseStatus" = 'failed', "releaseLastError" = ${UNRELEASABLE_ERROR},
          "releaseNextAttemptAt" = NULL, "updatedAt" = ${now}
        WHERE "releaseStatus" = 'scheduled' AND NOT (status::text = ANY(${RELEASABLE_STATUSES}))
        RETURNING id, status::text AS status`;
      await tx.orderEvent.createMany({
        data: rows.map((row) => ({ orderId: row.id, source: 'scheduler' as const, type: 'release.failed', data: { orderStatus: row.status, reason: 'not_releasable' } })),
      });
      return rows.length;
    });
  }
}
