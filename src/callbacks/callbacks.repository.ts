import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import type { HeldCallback } from './callback-confirmation.repository.js';
import type { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

export interface AmountMismatch {
  reported: number;
  expected: number;
  detail: string;
}

@Injectable()
export class CallbacksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores the callback, its event and any amount flag together, its confirmation held by this
   * instance until `leaseUntil`. The unique (orderToken, eventId, eventDate) row is the
   * deduplication: a repeat fails on it and is reported as such (undefined).
   */
  async record(orderId: string, payload: SoisyCallbackDto, leaseUntil: Date, mismatch?: AmountMismatch): Promise<HeldCallback | undefined> {
    const { orderToken, eventId, eventDate } = payload;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const data = { orderId, orderToken, eventId, eventDate, payload: { ...payload }, confirmLeaseUntil: leaseUntil, confirmAttempts: 1 };
        const callback = await tx.receivedCallback.create({ data });
        await tx.orderEvent.create({ data: { orderId, source: 'callback', type: 'callback.received', data: { eventId, eventDate } } });
        if (mismatch) {
          await tx.order.update({ where: { id: orderId }, data: { statusDetail: mismatch.detail } });
          const data = { eventId, reportedAmount: mismatch.reported, expectedAmount: mismatch.expected };
          await tx.orderEvent.create({ data: { orderId, source: 'callback', type: 'callback.amount_mismatch', data } });
        }
        return { id: callback.id, orderId, payload, attempts: 1 };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return undefined;
      throw error;
    }
  }
}
