import pg from 'pg';
import { Prisma } from '../generated/prisma/client.js';

/**
 * The write hit a unique constraint: the database's answer to "someone else got there first", used
 * as the deduplication of concurrent first attempts. Prisma's query API reports it as P2002; a raw
 * query (`$queryRaw`) as P2010 "raw query failed" carrying adapter-pg's error, whose cause is
 * `UniqueConstraintViolation` (SQLSTATE 23505); PrismaService.statement as node-postgres'
 * `DatabaseError` with code 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return error.code === '23505';
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  if (error.code !== 'P2010') return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown; originalCode?: unknown } } | undefined)?.cause;
  return cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505';
}
