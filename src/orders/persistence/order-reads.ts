import type { Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import type { IssuedOrder, Order, OrderStatus, OrderWithEvents } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import { toOrder } from './order-row.js';

/** Keyset position: the (createdAt, id) of the last order of a page. */
export interface OrderPosition {
  createdAt: Date;
  id: string;
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

  async findByToken(token: string): Promise<IssuedOrder | null> {
    const row = await this.prisma.order.findUnique({ where: { token } });
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

  /** The tokens among these that a local order already holds. */
  async tokensInUse(tokens: string[]): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const rows = await this.prisma.order.findMany({ where: { token: { in: tokens } }, select: { token: true } });
    return new Set(rows.map((row) => row.token!));
  }
}
