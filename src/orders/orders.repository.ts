import { Injectable } from '@nestjs/common';
import type { EventSource, OrderStatus } from '../generated/prisma/enums.js';
import type { Order, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { canTransition } from './order-lifecycle.js';
import { OrderErrors } from './orders.errors.js';

export interface Transition {
  to: OrderStatus;
  source: EventSource;
  /** What happened, e.g. `loan_request.created`, `callback.LoanWasVerified`. */
  type: string;
  /** Fields stored with the new status (figures from Soisy, redirect URL, …). */
  patch?: Prisma.OrderUpdateInput;
  /** Kept in the event row; never personal data. */
  data?: Prisma.InputJsonValue;
  /**
   * Statuses that already reflect this step's outcome. Soisy sends the callback announcing an
   * approval while the approval call is still answering, so the callback may apply the decision
   * first: then the step's figures and event are still kept, and the status stays where it is.
   */
  alreadyAppliedIn?: readonly OrderStatus[];
}

/** More work to commit with an order change, in the same transaction (e.g. completing an idempotency record). */
export type AlsoInTransaction = (tx: Prisma.TransactionClient) => Promise<unknown>;

export type OrderWithEvents = Prisma.OrderGetPayload<{ include: { events: true } }>;

@Injectable()
export class OrdersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByToken(token: string): Promise<Order | null> {
    return this.prisma.order.findUnique({ where: { token } });
  }

  /** The order as it is now; ORDER.NOT_FOUND when it is gone. */
  async findByIdOrThrow(id: string): Promise<Order> {
    const order = await this.prisma.order.findUnique({ where: { id } });
    if (!order) throw OrderErrors.notFound();
    return order;
  }

  /** The order with its history, oldest event first. */
  findByTokenWithEvents(token: string): Promise<OrderWithEvents | null> {
    return this.prisma.order.findUnique({
      where: { token },
      include: { events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
  }

  /**
   * The instalments the merchant fixed when creating the order (null: none), as its latest creation
   * event recorded them; undefined for an order created before the events recorded them.
   */
  async instalmentsFixedAtCreation(orderId: string): Promise<number | null | undefined> {
    const event = await this.prisma.orderEvent.findFirst({
      where: { orderId, type: { in: ['order.creation_started', 'order.creation_retried'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { data: true },
    });
    const data = event?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data) || !('instalments' in data)) return undefined;
    return typeof data.instalments === 'number' ? data.instalments : null;
  }

  /**
   * Moves an order to a new status and appends its event, atomically. The row is locked first, so
   * two concurrent transitions are serialised and the second sees the first's result: an illegal
   * transition is refused (ORDER.ILLEGAL_TRANSITION), never silently applied.
   */
  async transition(orderId: string, transition: Transition, also?: AlsoInTransaction): Promise<Order> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: OrderStatus }[]>`
        SELECT status FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
      if (!locked) throw OrderErrors.notFound();
      const alreadyApplied = transition.alreadyAppliedIn?.includes(locked.status) ?? false;
      if (!alreadyApplied && !canTransition(locked.status, transition.to)) {
        throw OrderErrors.illegalTransition(locked.status, transition.to);
      }
      const to = alreadyApplied ? locked.status : transition.to;
      const order = await tx.order.update({
        where: { id: orderId },
        data: { ...transition.patch, status: to },
      });
      await tx.orderEvent.create({
        data: {
          orderId,
          type: transition.type,
          fromStatus: locked.status,
          toStatus: to,
          source: transition.source,
          data: transition.data,
        },
      });
      await also?.(tx);
      return order;
    });
  }

  /** Records something that happened to an order without changing its status (e.g. a failed call). */
  async recordEvent(orderId: string, source: EventSource, type: string, data?: Prisma.InputJsonValue, also?: AlsoInTransaction): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.orderEvent.create({ data: { orderId, source, type, data } });
      await also?.(tx);
    });
  }
}
