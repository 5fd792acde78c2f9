import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { Clock } from '../common/clock.js';
import { SoisyGateway, type SoisyOrderStatus } from '../soisy/index.js';
import { canTransition, LOCAL_STATUS_OF } from './order-lifecycle.js';
import type { EventData, EventSource, IssuedOrder, Order, OrderStatus } from './order.js';
import { OrdersRepository } from './orders.repository.js';

/** Why a sync runs: names its events (`callback.LoanWasVerified`, `sync`, `reconciliation`). */
export interface SyncCause {
  source: EventSource;
  type: string;
  data?: EventData;
  /** Kept on the order whether or not it moves (a flagged disbursed amount). */
  statusDetail?: string;
  /** Record an event when Soisy's status means no change (periodic reconciliation stays quiet). */
  recordUnchanged: boolean;
  /** The back-office key's name when the back office asked for the sync (OrderEventInput.actor). */
  actor?: string;
  /**
   * Soisy's `cancelled` is its refusal of the loan (a `UserWasRejected` callback: "refused: the order
   * is cancelled", SOISY_API.md) and, for an order whose approval is pending (`requested`), it is
   * stored as `refused`, as the approval's own refusal is: the order ends the same whichever of the
   * two arrives, even when the approval's answer was lost.
   */
  cancelledIsRefusal?: boolean;
}

export interface SyncResult {
  order: Order;
  soisyStatus: SoisyOrderStatus;
  from: OrderStatus;
  /** The local status Soisy's status means; the order has it only when `applied`. */
  confirmed: OrderStatus;
  applied: boolean;
}

/**
 * The one way an order follows Soisy (callbacks, the back office's sync, reconciliation): read Get order (authoritative), then move the order to the
 * status that means, if the lifecycle allows it. A stale or illegal move (an older event arriving
 * after a newer one) is recorded, never applied. Never holds a transaction across the Soisy call.
 */
@Injectable()
export class OrderSyncService {
  constructor(
    private readonly gateway: SoisyGateway,
    private readonly orders: OrdersRepository,
    private readonly clock: Clock,
  ) {}

  async syncOrder(order: IssuedOrder, cause: SyncCause): Promise<SyncResult> {
    const soisy = await this.gateway.getOrder(order.token);
    const mirrored = LOCAL_STATUS_OF[soisy.status];
    const confirmed = cause.cancelledIsRefusal && mirrored === 'cancelled' && order.status === 'requested' ? 'refused' : mirrored;
    const seen = { soisyStatus: soisy.status, lastSyncedAt: this.clock.now(), statusDetail: cause.statusDetail, ...netAmountToKeep(order, soisy.netAmountCents) };
    const data = { ...cause.data, soisyStatus: soisy.status };
    const result = { soisyStatus: soisy.status, from: order.status, confirmed };

    if (confirmed !== order.status && canTransition(order.status, confirmed)) {
      try {
        const moved = await this.orders.transition(order.id, { to: confirmed, source: cause.source, type: cause.type, patch: seen, data, actor: cause.actor });
        return { ...result, order: moved, applied: true };
      } catch (error) {
        // Another instance moved it first; the row lock made us see that. Recorded below instead.
        if (!(error instanceof AppError && error.code === 'ORDER.ILLEGAL_TRANSITION')) throw error;
      }
    }
    const same = confirmed === order.status;
    const event = same && !cause.recordUnchanged
      ? undefined
      : { source: cause.source, type: `${cause.type}.${same ? 'unchanged' : 'not_applied'}`, data: { ...data, localStatus: order.status, confirmed }, actor: cause.actor };
    const current = await this.orders.sync.recordSeen(order.id, seen, event);
    return { ...result, order: current, applied: false };
  }
}

/**
 * Get order's net amount (`loanNetAmount`), kept when the order has none: its approval's answer,
 * which carries it, was lost or never came, and a callback or a sync applied Soisy's decision. It is
 * the one figure of the approval Get order also holds (the redirect URL and payment day are not), so
 * the order and the merchant's events show it. Believed only above 0 and up to the order's amount.
 */
function netAmountToKeep(order: Order, netAmountCents: number | undefined): { netAmountCents?: number } {
  if (order.netAmountCents !== null || netAmountCents === undefined) return {};
  return netAmountCents > 0 && netAmountCents <= order.amountCents ? { netAmountCents } : {};
}
