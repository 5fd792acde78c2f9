import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { SoisyError } from '../soisy/index.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OrderSyncService } from '../reconciliation/order-sync.service.js';
import { CLAIMED_STATUS } from './callback-events.js';
import type { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

/**
 * Confirms callbacks with Get order after Soisy has had its 200, so a slow Soisy never makes a
 * callback time out. One order's confirmations run one after another, in arrival order. If the
 * process stops first, the order is still open and the reconciliation job syncs it later.
 */
@Injectable()
export class CallbackConfirmations implements OnModuleDestroy {
  private readonly logger = new Logger('CallbackConfirmations');
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly orders: OrdersRepository,
    private readonly syncService: OrderSyncService,
  ) {}

  enqueue(orderId: string, payload: SoisyCallbackDto): void {
    const next = (this.queues.get(orderId) ?? Promise.resolve()).then(() => this.confirm(payload));
    this.queues.set(orderId, next);
    void next.finally(() => {
      if (this.queues.get(orderId) === next) this.queues.delete(orderId);
    });
  }

  /** Resolves once every confirmation queued so far (and any queued meanwhile) has finished. */
  async drain(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.drain();
  }

  private async confirm(payload: SoisyCallbackDto): Promise<void> {
    const order = await this.orders.findByToken(payload.orderToken).catch(() => null);
    if (!order?.token) return;
    const type = `callback.${payload.eventId}`;
    const claimed = CLAIMED_STATUS[payload.eventId] ?? null;
    try {
      await this.syncService.syncOrder({ ...order, token: order.token }, {
        source: 'callback',
        type,
        data: { eventId: payload.eventId, eventDate: payload.eventDate, claimed },
        recordUnchanged: true,
      });
    } catch (error) {
      // Not confirmed, so nothing moves; the event says so and reconciliation will try again.
      const code = error instanceof SoisyError ? error.code : 'UNEXPECTED';
      this.logger.warn({ err: error }, `Could not confirm ${type} with Get order`);
      await this.orders.recordEvent(order.id, 'callback', `${type}.unconfirmed`, { error: code }).catch(() => undefined);
    }
  }
}
