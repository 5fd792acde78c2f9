import type { Order as OrderRow, Prisma } from '../../generated/prisma/client.js';
import type { Order, OrderPatch } from '../order.js';

/** Prisma's transaction client, for the core's writers (features never hold one on `orders`). */
export type Tx = Prisma.TransactionClient;

/**
 * The domain order of a row read by Prisma, or read raw by PrismaService.statement (`SELECT` /
 * `RETURNING` of ORDER_COLUMNS): numbers for decimals, which Prisma reads as Decimal and node-postgres as text.
 */
export function toOrder(row: OrderRow): Order {
  return { ...row, apr: row.apr === null ? null : Number(row.apr) };
}

/** A domain patch as Prisma's update input (the two agree field by field; decimals accept numbers). */
export function toUpdate(patch: OrderPatch | undefined): Prisma.OrderUpdateInput {
  return { ...patch };
}
