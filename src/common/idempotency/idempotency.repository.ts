import { Injectable } from '@nestjs/common';
import type { IdempotencyRecord, Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import { isUniqueViolation } from '../../prisma/unique-violation.js';

export interface ScopedKey {
  scope: string;
  key: string;
}

/** Idempotency rows. Writes take the caller's transaction: the record commits with the work or not at all. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  find({ scope, key }: ScopedKey): Promise<IdempotencyRecord | null> {
    return this.prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  }

  /** Resolves false when another request holds (scope, key): the unique constraint decides, not a lock. */
  async insert(tx: Prisma.TransactionClient, { scope, key }: ScopedKey, requestHash: string, at: Date): Promise<boolean> {
    try {
      // The service's clock, not the database's: its expiry rules compare against the same clock.
      await tx.idempotencyRecord.create({ data: { scope, key, requestHash, createdAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async complete(tx: Prisma.TransactionClient, { scope, key }: ScopedKey, status: number, body: Prisma.InputJsonValue, at: Date): Promise<void> {
    await tx.idempotencyRecord.update({
      where: { scope_key: { scope, key } },
      data: { responseStatus: status, responseBody: body, completedAt: at },
    });
  }

  async delete(tx: Prisma.TransactionClient | undefined, { scope, key }: ScopedKey): Promise<void> {
    await (tx ?? this.prisma).idempotencyRecord.deleteMany({ where: { scope, key } });
  }
}
