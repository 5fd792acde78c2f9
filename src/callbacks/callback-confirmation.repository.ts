import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import type { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

/** A received callback whose confirmation (Get order) this instance now holds. */
export interface HeldCallback {
  id: string;
  orderId: string;
  payload: SoisyCallbackDto;
  attempts: number;
}

/**
 * Which instance confirms a received callback, decided by the database: a confirmation holds the
 * callback until `confirmLeaseUntil`; once that passes without `confirmedAt` (the holder died, or
 * its try failed and waits to retry) any instance may claim it, one at a time (SKIP LOCKED).
 */
@Injectable()
export class CallbackConfirmationRepository {
  constructor(private readonly prisma: PrismaService) {}

  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<HeldCallback[]> {
    return this.prisma.$queryRaw<HeldCallback[]>`
      WITH due AS MATERIALIZED (
        SELECT id FROM received_callbacks
        WHERE "confirmedAt" IS NULL AND ("confirmLeaseUntil" IS NULL OR "confirmLeaseUntil" <= ${now})
        ORDER BY "receivedAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE received_callbacks AS c SET "confirmLeaseUntil" = ${leaseUntil}, "confirmAttempts" = c."confirmAttempts" + 1, "confirmLastError" = NULL
      FROM due WHERE c.id = due.id AND c."confirmedAt" IS NULL
      RETURNING c.id, c."orderId", c.payload, c."confirmAttempts" AS attempts`;
  }

  /**
   * Soisy sent a callback again: its confirmation starts over now unless it is confirmed or a
   * confirmation is running (its lease holds and it has not failed).
   */
  async claimResent(payload: Pick<SoisyCallbackDto, 'orderToken' | 'eventId' | 'eventDate'>, now: Date, leaseUntil: Date): Promise<HeldCallback | undefined> {
    const [held] = await this.prisma.$queryRaw<HeldCallback[]>`
      UPDATE received_callbacks SET "confirmLeaseUntil" = ${leaseUntil}, "confirmAttempts" = "confirmAttempts" + 1, "confirmLastError" = NULL
      WHERE "orderToken" = ${payload.orderToken} AND "eventId" = ${payload.eventId} AND "eventDate" = ${payload.eventDate}
        AND "confirmedAt" IS NULL
        AND ("confirmLeaseUntil" IS NULL OR "confirmLeaseUntil" <= ${now} OR "confirmLastError" IS NOT NULL)
      RETURNING id, "orderId", payload, "confirmAttempts" AS attempts`;
    return held;
  }

  async confirmed(id: string, now: Date): Promise<void> {
    await this.prisma.receivedCallback.update({ where: { id }, data: { confirmedAt: now, confirmLeaseUntil: null, confirmLastError: null } });
  }

  /** The try failed: any instance may retry from `retryAt` (or at once when Soisy re-sends it). */
  async failed(id: string, code: string, retryAt: Date): Promise<void> {
    await this.prisma.receivedCallback.update({ where: { id }, data: { confirmLeaseUntil: retryAt, confirmLastError: code } });
  }
}
