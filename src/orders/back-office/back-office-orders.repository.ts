import { Injectable } from '@nestjs/common';
import type { Order, Prisma } from '../../generated/prisma/client.js';
import type { OrderStatus } from '../../generated/prisma/enums.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import type { OrderCursor } from './order-cursor.js';

export interface OrderListFilter {
  status?: OrderStatus;
  from?: Date;
  to?: Date;
  after?: OrderCursor;
  limit: number;
}

@Injectable()
export class BackOfficeOrdersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first; `(createdAt, id)` is unique, so a page boundary never skips or repeats an order. */
  list(filter: OrderListFilter): Promise<Order[]> {
    const where: Prisma.OrderWhereInput[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.from) where.push({ createdAt: { gte: filter.from } });
    if (filter.to) where.push({ createdAt: { lt: filter.to } });
    if (filter.after) {
      const { createdAt, id } = filter.after;
      where.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    return this.prisma.order.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit,
    });
  }
}
