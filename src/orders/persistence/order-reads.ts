import { Prisma, type Order as OrderRow } from '../../generated/prisma/client.js';
import { PREPARED } from '../../prisma/prepared-statements.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import type { IssuedOrder, Order, OrderStatus, OrderWithEvents } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import { ORDER_COLUMNS } from './order-columns.js';
import { toOrder } from './order-row.js';

/** Keyset position: the (createdAt, id) of the last order of a page. */
export interface OrderPosition {
  createdAt: Date;
  id: string;
}

/** The latest back-office action on an order: an event with an actor. */
export interface LastAction {
  type: string;
  /** The back-office key's name, never the key. */
  actor: string;
  at: Date;
}

export interface OrderListFilter {
  status?: OrderStatus;
  from?: Date;
  to?: Date;
  after?: OrderPosition;
  limit: number;
}

/** Reading orders; every read answers domain orders, never rows. */
export class OrderReads {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every storefront step starts here (loan request, approval, the order view), so it runs as a
   * prepared statement on the pool (PrismaService.statement: issue 10, Prisma's query runtime cost
   * more than the query). The same order as `prisma.order.findUnique` would answer.
   */
  async findByToken(token: string): Promise<IssuedOrder | null> {
    const [row] = await this.prisma.statement<OrderRow>(Prisma.sql`${PREPARED}SELECT ${ORDER_COLUMNS} FROM orders WHERE token = ${token}`);
    return row ? (toOrder(row) as IssuedOrder) : null;
  }

  /** The order of this token; ORDER.NOT_FOUND (404) when there is none. */
  async findByTokenOrThrow(token: string): Promise<IssuedOrder> {
    const order = await this.findByToken(token);
    if (!order) throw OrderErrors.notFound();
    return order;
  }

  async findById(id: string): Promise<Order | null> {
    const row = await this.prisma.order.findUnique({ where: { id } });
    return row ? toOrder(row) : null;
  }

  /** The order as it is now; ORDER.NOT_FOUND when it is gone. */
  async findByIdOrThrow(id: string): Promise<Order> {
    const order = await this.findById(id);
    if (!order) throw OrderErrors.notFound();
    return order;
  }

  /** The order with its history, oldest event first; ORDER.NOT_FOUND when there is none. */
  async findByTokenWithEventsOrThrow(token: string): Promise<OrderWithEvents> {
    const row = await this.prisma.order.findUnique({
      where: { token },
      include: { events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!row) throw OrderErrors.notFound();
    return { ...(toOrder(row) as IssuedOrder), events: row.events };
  }

  /** Newest first; `(createdAt, id)` is unique, so a page boundary never skips or repeats an order. */
  async list(filter: OrderListFilter): Promise<Order[]> {
    const where: Prisma.OrderWhereInput[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.from) where.push({ createdAt: { gte: filter.from } });
    if (filter.to) where.push({ createdAt: { lt: filter.to } });
    if (filter.after) {
      const { createdAt, id } = filter.after;
      where.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    const rows = await this.prisma.order.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit,
    });
    return rows.map(toOrder);
  }

  /** Per order id (of these), its latest event with an actor; orders no back office acted on are absent. */
  async lastActions(orderIds: readonly string[]): Promise<Map<string, LastAction>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<(LastAction & { orderId: string })[]>`
      SELECT DISTINCT ON ("orderId") "orderId", type, actor, "createdAt" AS at FROM order_events
      WHERE "orderId" = ANY(${orderIds}::uuid[]) AND actor IS NOT NULL
      ORDER BY "orderId", "createdAt" DESC, id DESC`;
    return new Map(rows.map(({ orderId, ...action }) => [orderId, action]));
  }

  /** The tokens among these that a local order already holds. */
  async tokensInUse(tokens: string[]): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const rows = await this.prisma.order.findMany({ where: { token: { in: tokens } }, select: { token: true } });
    return new Set(rows.map((row) => row.token!));
  }
}
