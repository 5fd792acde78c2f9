import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { skipLockedClaim } from '../prisma/skip-locked-claim.js';
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
    return this.prisma.$queryRaw<HeldCallback[]>(skipLockedClaim({
      table: 'received_callbacks',
      due: Prisma.sql`"confirmedAt" IS NULL AND ("confirmLeaseUntil" IS NULL OR "confirmLeaseUntil" <= ${now})`,
      orderBy: Prisma.sql`"receivedAt"`,
      limit,
      set: Prisma.sql`"confirmLeaseUntil" = ${leaseUntil}, "confirmAttempts" = claimed."confirmAttempts" + 1, "confirmLastError" = NULL`,
      stillDue: Prisma.sql`claimed."confirmedAt" IS NULL`,
      returning: Prisma.sql`claimed.id, claimed."orderId", claimed.payload, claimed."confirmAttempts" AS attempts`,
    }));
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

  /**
   * Keeps holding a callback this instance claimed (`attempts`, as its claim counted them) until
   * `until`: a confirmation waiting for a checkout step, or resuming once it is over. False when it
   * is no longer this instance's: confirmed, or claimed again by another (which counted an attempt).
   * No error is recorded, so a re-sent callback does not start it again meanwhile.
   */
  async holdLease(id: string, attempts: number, until: Date): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE received_callbacks SET "confirmLeaseUntil" = ${until}
      WHERE id = ${id}::uuid AND "confirmedAt" IS NULL AND "confirmAttempts" = ${attempts}
      RETURNING id`;
    return rows.length === 1;
  }

  /** The try failed: any instance may retry from `retryAt` (or at once when Soisy re-sends it). */
  async failed(id: string, code: string, retryAt: Date): Promise<void> {
    await this.prisma.receivedCallback.update({ where: { id }, data: { confirmLeaseUntil: retryAt, confirmLastError: code } });
  }
}
