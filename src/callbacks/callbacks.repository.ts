import { Injectable } from '@nestjs/common';
import type { Order } from '../orders/order.js';
import { OrdersRepository, type OrderNote } from '../orders/orders.repository.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import type { HeldCallback } from './callback-confirmation.repository.js';
import type { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

export interface AmountMismatch {
  reported: number;
  expected: number;
  detail: string;
}

@Injectable()
export class CallbacksRepository {
  constructor(private readonly orders: OrdersRepository) {}

  /**
   * Stores the callback, its event and any amount flag together, its confirmation held by this
   * instance until `leaseUntil`. The unique (orderToken, eventId, eventDate) row is the
   * deduplication: a repeat fails on it and is reported as such (undefined).
   */
  async record(order: Order, payload: SoisyCallbackDto, leaseUntil: Date, mismatch?: AmountMismatch): Promise<HeldCallback | undefined> {
    const { orderToken, eventId, eventDate } = payload;
    const notes: OrderNote[] = [{ source: 'callback', type: 'callback.received', data: { eventId, eventDate } }];
    if (mismatch) {
      notes.push({ source: 'callback', type: 'callback.amount_mismatch', data: { eventId, reportedAmount: mismatch.reported, expectedAmount: mismatch.expected } });
    }
    let held: HeldCallback | undefined;
    try {
      await this.orders.note(order.id, notes, {
        patch: mismatch ? { statusDetail: mismatch.detail } : undefined,
        first: async (tx) => {
          const data = { orderId: order.id, orderToken, eventId, eventDate, payload: { ...payload }, confirmLeaseUntil: leaseUntil, confirmAttempts: 1 };
          const callback = await tx.receivedCallback.create({ data });
          held = { id: callback.id, orderId: order.id, payload, attempts: 1 };
        },
      });
      return held;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }
}
