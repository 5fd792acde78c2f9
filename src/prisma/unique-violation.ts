import { Prisma } from '../generated/prisma/client.js';

/**
 * The write hit a unique constraint (Prisma's P2002): the database's answer to "someone else got
 * there first", used as the deduplication of concurrent first attempts.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
