import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { CallbackConfirmationRepository } from './callback-confirmation.repository.js';
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
 * the order moves later, only as far as Get order confirms. A repeat is answered `duplicate: true`
 * and restarts a confirmation that never finished.
 */
@Injectable()
export class CallbacksService {
  private readonly logger = new Logger('Callbacks');

  constructor(
    private readonly orders: OrdersRepository,
    private readonly callbacks: CallbacksRepository,
    private readonly confirmations: CallbackConfirmations,
    private readonly confirmation: CallbackConfirmationRepository,
    private readonly clock: Clock,
  ) {}

  async receive(secret: string, body: unknown): Promise<CallbackReceiptDto> {
    const payload = readCallbackPayload(body);
    const order = await this.orders.findByToken(payload.orderToken);
    const matches = callbackSecretMatches(secret, order?.callbackSecret);
    if (!order || !matches) {
      this.logger.warn(`Refused a ${payload.eventId} callback: unknown secret or an order it does not belong to`);
      throw CallbackErrors.notFound();
    }
    const now = this.clock.now();
    const held = await this.callbacks.record(order, payload, this.confirmations.leaseUntil(now), this.mismatchOf(order, payload));
    if (held) {
      void this.confirmations.enqueue(held);
      return { received: true, duplicate: false };
    }
    // A repeat: if its first confirmation never finished (a crash, a failed Get order), it starts over now.
    const unconfirmed = await this.confirmation.claimResent(payload, now, this.confirmations.leaseUntil(now));
    if (unconfirmed) void this.confirmations.enqueue(unconfirmed);
    return { received: true, duplicate: true };
  }

  private mismatchOf(order: Parameters<typeof expectedDisbursement>[0], payload: SoisyCallbackDto): AmountMismatch | undefined {
    if (payload.eventId !== 'LoanWasDisbursed' || payload.amount === undefined) return undefined;
    const expected = expectedDisbursement(order);
    if (payload.amount === expected) return undefined;
    return { reported: payload.amount, expected, detail: amountMismatchDetail(payload.amount, expected) };
  }
}
