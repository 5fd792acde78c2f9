import { Injectable, Logger } from '@nestjs/common';
import { OrdersRepository } from '../orders/orders.repository.js';
import { amountMismatchDetail, expectedDisbursement } from './callback-events.js';
import { readCallbackPayload } from './callback-payload.js';
import { callbackSecretMatches } from './callback-secret.js';
import { CallbackConfirmations } from './callback-confirmations.js';
import { CallbacksRepository, type AmountMismatch } from './callbacks.repository.js';
import { CallbackErrors } from './callbacks.errors.js';
import type { CallbackReceiptDto } from './dto/callback-receipt.dto.js';
import type { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

/**
 * Soisy's callbacks carry no signature: the per-order secret in the URL must belong to the order
 * the payload names, and the callback is only a hint. It is recorded (once), answered at once, and
 * the order moves later, only as far as Get order confirms.
 */
@Injectable()
export class CallbacksService {
  private readonly logger = new Logger('Callbacks');

  constructor(
    private readonly orders: OrdersRepository,
    private readonly callbacks: CallbacksRepository,
    private readonly confirmations: CallbackConfirmations,
  ) {}

  async receive(secret: string, body: unknown): Promise<CallbackReceiptDto> {
    const payload = readCallbackPayload(body);
    const order = await this.orders.findByToken(payload.orderToken);
    const matches = callbackSecretMatches(secret, order?.callbackSecret);
    if (!order || !matches) {
      this.logger.warn(`Refused a ${payload.eventId} callback: unknown secret or an order it does not belong to`);
      throw CallbackErrors.notFound();
    }
    const recorded = await this.callbacks.record(order.id, payload, this.mismatchOf(order, payload));
    if (!recorded) return { received: true, duplicate: true };
    this.confirmations.enqueue(order.id, payload);
    return { received: true, duplicate: false };
  }

  private mismatchOf(order: Parameters<typeof expectedDisbursement>[0], payload: SoisyCallbackDto): AmountMismatch | undefined {
    if (payload.eventId !== 'LoanWasDisbursed' || payload.amount === undefined) return undefined;
    const expected = expectedDisbursement(order);
    if (payload.amount === expected) return undefined;
    return { reported: payload.amount, expected, detail: amountMismatchDetail(payload.amount, expected) };
  }
}
