import { Prisma } from '../../generated/prisma/client.js';

/**
 * Every column of `orders`, named, for the raw reads that build a domain Order (`SELECT`,
 * `RETURNING`). Never `*`: those statements are prepared on each pooled connection, and a prepared
 * `*` fails with 0A000 "cached plan must not change result type" once a migration adds a column
 * while older replicas still run (a rolling deploy). Prisma's schema is the list.
 */
export const ORDER_COLUMNS = Prisma.raw(Object.values(Prisma.OrderScalarFieldEnum).map((column) => `"${column}"`).join(', '));

/** `apr` is Decimal(7,3): a statement that answers without reading the row back must store it as given. */
const APR_DECIMALS = 3;

/**
 * Whether PostgreSQL stores `value` in `column` exactly as given, so that an order built from the
 * given values (a one-statement write's answer and merchant-event view) is the stored one.
 */
export function storedAsGiven(column: string, value: unknown): boolean {
  if (column !== 'apr' || typeof value !== 'number') return true;
  return Number(value.toFixed(APR_DECIMALS)) === value;
}
