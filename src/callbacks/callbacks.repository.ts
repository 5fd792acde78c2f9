import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
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
   * Stores the callback, its event and any amount flag together. The unique (orderToken, eventId,
   * eventDate) row is the deduplication: a repeat fails on it and is reported as such (false).
   */
  async record(orderId: string, payload: SoisyCallbackDto, mismatch?: AmountMismatch): Promise<boolean> {
    const { orderToken, eventId, eventDate } = payload;
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.receivedCallback.create({ data: { orderId, orderToken, eventId, eventDate, payload: { ...payload } } });
        await tx.orderEvent.create({ data: { orderId, source: 'callback', type: 'callback.received', data: { eventId, eventDate } } });
        if (mismatch) {
          await tx.order.update({ where: { id: orderId }, data: { statusDetail: mismatch.detail } });
          const data = { eventId, reportedAmount: mismatch.reported, expectedAmount: mismatch.expected };
          await tx.orderEvent.create({ data: { orderId, source: 'callback', type: 'callback.amount_mismatch', data } });
        }
      });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }
}
