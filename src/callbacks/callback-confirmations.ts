import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { SoisyError, afterLongestCall } from '../soisy/index.js';
import type { Order } from '../orders/order.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OrderSyncService } from '../orders/order-sync.service.js';
import { CLAIMED_STATUS } from './callback-events.js';
import { CallbackConfirmationRepository, type HeldCallback } from './callback-confirmation.repository.js';

/** A failed confirmation is retried after this (doubling per attempt), at most an hour later. */
const MAX_RETRY_DELAY_MS = 60 * 60_000;

/** How soon a confirmation held back by a checkout step in flight looks again (most Soisy answers take well under a second). */
const STEP_IN_FLIGHT_RECHECK_MS = 250;

/**
 * Confirms callbacks with Get order after Soisy has had its 200, so a slow Soisy never makes a
 * callback time out. One order's confirmations run one after another, in arrival order. Each is
 * held by a lease in the database: if the process stops first, the confirmation job of any
 * instance takes it over once the lease passes (src/callbacks/callback-confirmation.job.ts).
 *
 * While the shopper's loan request or approval is being sent to Soisy (a live step claim on the
 * order), a confirmation waits for it. Soisy announces its decision (`LoanWasApproved`,
 * `UserWasRejected`) while its answer to the approval call is still on the way; applied first, the
 * callback would move the order without the answer's figures (redirect URL, net amount, payment
 * day), so the merchant's `order.approved` would lack them for good, and a refusal would end
 * `cancelled` instead of `refused`, depending on which arrived first. The step's answer is recorded
 * first; the callback is then confirmed against the order as the answer left it.
 */
@Injectable()
export class CallbackConfirmations implements OnModuleDestroy {
  private readonly logger = new Logger('CallbackConfirmations');
  private readonly queues = new Map<string, Promise<void>>();
  /** Rechecks of confirmations waiting for a checkout step; cleared at shutdown (their lease then passes to the job). */
  private readonly rechecks = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly orders: OrdersRepository,
    private readonly syncService: OrderSyncService,
    private readonly repository: CallbackConfirmationRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Until when a confirmation starting now holds its callback: Get order with its retries ends within it. */
  leaseUntil(now: Date): Date {
    return afterLongestCall(this.config.soisy, now);
  }

  /** Queues the confirmation of a callback this instance holds; resolves once it has run. */
  enqueue(held: HeldCallback): Promise<void> {
    const next = (this.queues.get(held.orderId) ?? Promise.resolve()).then(() => this.confirm(held));
    this.queues.set(held.orderId, next);
    void next.finally(() => {
      if (this.queues.get(held.orderId) === next) this.queues.delete(held.orderId);
    });
    return next;
  }

  /** Resolves once every confirmation queued so far (and any queued meanwhile) has finished. */
  async drain(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    for (const recheck of this.rechecks) clearTimeout(recheck);
    this.rechecks.clear();
    await this.drain();
  }

  private async confirm(held: HeldCallback): Promise<void> {
    const { payload } = held;
    const type = `callback.${payload.eventId}`;
    try {
      const order = await this.orders.findByToken(payload.orderToken);
      if (order && this.stepInFlight(order)) return await this.waitForStep(held, order.stepClaimExpiresAt!);
      if (order) {
        const claimed = CLAIMED_STATUS[payload.eventId] ?? null;
        await this.syncService.syncOrder(order, {
          source: 'callback',
          type,
          data: { eventId: payload.eventId, eventDate: payload.eventDate, claimed },
          recordUnchanged: true,
        });
      }
      await this.repository.confirmed(held.id, this.clock.now());
    } catch (error) {
      // Not confirmed, so nothing moves; the event says so and a later try (any instance) repeats it.
      const code = error instanceof SoisyError ? error.code : 'UNEXPECTED';
      this.logger.warn({ err: error }, `Could not confirm ${type} with Get order`);
      await this.orders.recordEvent(held.orderId, 'callback', `${type}.unconfirmed`, { error: code }).catch(() => undefined);
      await this.repository.failed(held.id, code, this.retryAt(held.attempts)).catch(() => undefined);
    }
  }

  private stepInFlight(order: Order): boolean {
    return order.stepClaim !== null && order.stepClaimExpiresAt !== null && order.stepClaimExpiresAt > this.clock.now();
  }

  /**
   * Holds the callback until the step's claim would expire (so no other instance takes it over while
   * the step runs), and looks again shortly, in this instance's queue for the order.
   */
  private async waitForStep(held: HeldCallback, claimExpiresAt: Date): Promise<void> {
    await this.repository.postpone(held.id, claimExpiresAt);
    if (this.stopping) return;
    const recheck = setTimeout(() => {
      this.rechecks.delete(recheck);
      void this.enqueue(held);
    }, STEP_IN_FLIGHT_RECHECK_MS);
    this.rechecks.add(recheck);
  }

  private retryAt(attempts: number): Date {
    const delay = Math.min(MAX_RETRY_DELAY_MS, this.config.recovery.intervalSeconds * 1000 * 2 ** Math.max(0, attempts - 1));
    return new Date(this.clock.now().getTime() + delay);
  }
}
