import type { PrismaService } from '../../prisma/prisma.service.js';
import { canTransition } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { EventData, EventSource, Order, OrderPatch, OrderStatus } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import { toOrder, toUpdate, type Tx } from './order-row.js';

export interface Transition {
  to: OrderStatus;
  source: EventSource;
  /** What happened, e.g. `loan_request.created`, `callback.LoanWasVerified`. */
  type: string;
  /** Fields stored with the new status (figures from Soisy, redirect URL, …). */
  patch?: OrderPatch;
  /** Kept in the event row; never personal data. */
  data?: EventData;
  /**
   * Statuses that already reflect this step's outcome. Soisy sends the callback announcing an
   * approval while the approval call is still answering, so the callback may apply the decision
   * first: then the step's figures and event are still kept, and the status stays where it is.
   */
  alreadyAppliedIn?: readonly OrderStatus[];
  /** The back-office key's name when a back-office action caused it (OrderEventInput.actor). */
  actor?: string | null;
}

/** An event that changes no status. */
export interface OrderNote {
  source: EventSource;
  type: string;
  data?: EventData;
  /** The back-office key's name when a back-office action caused it (OrderEventInput.actor). */
  actor?: string | null;
}

/** More work to commit with an order change, in the same transaction (e.g. completing an idempotency record). */
export type AlsoInTransaction = (tx: Tx) => Promise<unknown>;

/** Status changes and notes on one order, each with its event in one transaction. */
export class OrderTransitions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

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
      const order = toOrder(await tx.order.update({ where: { id: orderId }, data: { ...toUpdate(transition.patch), status: to } }));
      const { type, source, data, actor } = transition;
      await this.events.write(tx, { order, type, source, data, actor, fromStatus: locked.status, toStatus: to });
      await also?.(tx);
      return order;
    });
  }

  /**
   * Records what happened to an order without changing its status (e.g. a failed call): `first`
   * runs before (its failure writes nothing), `patch` sets detail columns, `also` runs after.
   */
  async note(orderId: string, notes: OrderNote[], options: { patch?: OrderPatch; first?: AlsoInTransaction; also?: AlsoInTransaction } = {}): Promise<Order> {
    return this.prisma.$transaction(async (tx) => {
      await options.first?.(tx);
      const order = options.patch
        ? await tx.order.update({ where: { id: orderId }, data: toUpdate(options.patch) })
        : await tx.order.findUnique({ where: { id: orderId } });
      if (!order) throw OrderErrors.notFound();
      for (const note of notes) await this.events.write(tx, { order: toOrder(order), ...note });
      await options.also?.(tx);
      return toOrder(order);
    });
  }

  /** One event without a status change (e.g. a failed call), with `also` in the same transaction. */
  async recordEvent(orderId: string, source: EventSource, type: string, data?: EventData, also?: AlsoInTransaction): Promise<void> {
    await this.note(orderId, [{ source, type, data }], { also });
  }
}
