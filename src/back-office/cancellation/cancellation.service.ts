import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { OrdersRepository } from '../../orders/orders.repository.js';
import { toBackOfficeOrder } from '../back-office-order.view.js';
import type { CancelOrderDto } from './dto/cancel-order.dto.js';
import type { CancelledOrderDto } from './dto/cancelled-order.dto.js';
import { CancellationErrors } from './cancellation.errors.js';
import { SOISY_CANCELLATION_ACTION } from './soisy-cancellation-notice.js';

/**
 * POST /v1/orders/{token}/cancel: the merchant's cancellation, local only (Soisy has no cancel
 * call). Allowed until the order is released or disbursed; a release already in flight wins.
 * Repeating it with the same reason answers the same order; with another reason, 409
 * ORDER.ALREADY_CANCELLED naming who cancelled it, when and why (nothing is recorded).
 */
@Injectable()
export class CancellationService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly clock: Clock,
  ) {}

  async cancel(token: string, dto: CancelOrderDto, actor: string): Promise<CancelledOrderDto> {
    const order = await this.orders.findByTokenOrThrow(token);
    const result = await this.orders.cancellation.cancel(order.id, { reason: dto.reason.trim(), actor, now: this.clock.now() });
    if (result.kind === 'refused') throw CancellationErrors.refused(result);
    if (result.kind === 'conflicting') throw CancellationErrors.alreadyCancelled(result.first);
    return {
      order: toBackOfficeOrder(result.order),
      atSoisy: { cancelled: false, soisyStatus: result.order.soisyStatus, action: SOISY_CANCELLATION_ACTION },
    };
  }
}
