import { Prisma } from '../generated/prisma/client.js';

/** Tables claimed in batches (the orders core claims `orders`; callbacks claim theirs). */
export type ClaimedTable = 'orders' | 'received_callbacks';

export interface BatchClaim {
  /** Its rows are named `claimed` in `set`, `stillDue` and `returning`. */
  table: ClaimedTable;
  /** Which rows are due (unqualified columns). */
  due: Prisma.Sql;
  /** Oldest first, by this expression. */
  orderBy: Prisma.Sql;
  limit: number;
  /** The SET list that marks a row claimed (e.g. a lease). */
  set: Prisma.Sql;
  /** Re-checked on the locked row, so a row another transaction claimed meanwhile is left alone. */
  stillDue: Prisma.Sql;
  returning: Prisma.Sql;
}

/**
 * The one form of "claim up to `limit` due rows" used across the service. SKIP LOCKED lets
 * replicas ticking at the same moment take disjoint rows instead of waiting on each other. The
 * rows are picked once, in a MATERIALIZED CTE: as `id IN (subquery … LIMIT n FOR UPDATE SKIP
 * LOCKED)` PostgreSQL may run the subquery more than once and claim more than `limit` rows.
 */
export function skipLockedClaim(claim: BatchClaim): Prisma.Sql {
  const table = Prisma.raw(`"${claim.table}"`);
  return Prisma.sql`
    WITH due AS MATERIALIZED (
      SELECT id FROM ${table}
      WHERE ${claim.due}
      ORDER BY ${claim.orderBy} LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE ${table} AS claimed SET ${claim.set}
    FROM due WHERE claimed.id = due.id AND ${claim.stillDue}
    RETURNING ${claim.returning}`;
}
