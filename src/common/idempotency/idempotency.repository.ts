import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma, type IdempotencyRecord } from '../../generated/prisma/client.js';
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

  /**
   * `insert` as a statement for the caller to embed as a CTE (`idem AS (…)`): yields one row when the
   * record was written, none when another request holds (scope, key). No error on conflict, so the
   * caller's statement goes on and tells the two apart by the row. Written only when `onlyIf` (SQL) holds.
   */
  insertStatement({ scope, key }: ScopedKey, requestHash: string, at: Date, onlyIf: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`INSERT INTO idempotency_records (id, scope, key, "requestHash", "createdAt")
      SELECT ${randomUUID()}::uuid, ${scope}, ${key}, ${requestHash}, ${at} WHERE ${onlyIf}
      ON CONFLICT (scope, key) DO NOTHING RETURNING 1 AS inserted`;
  }

  /** `complete` as a statement for the caller to embed as a CTE, applied only when `onlyIf` (SQL) holds. */
  completeStatement({ scope, key }: ScopedKey, status: number, body: Prisma.InputJsonValue, at: Date, onlyIf: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`UPDATE idempotency_records SET "responseStatus" = ${status}, "responseBody" = ${JSON.stringify(body)}::jsonb, "completedAt" = ${at}
      WHERE scope = ${scope} AND key = ${key} AND ${onlyIf}`;
  }
}
