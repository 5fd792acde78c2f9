import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { SoisyError, afterLongestCall } from '../soisy/index.js';
import { stepInFlight } from '../orders/step-claim.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OrderSyncService } from '../orders/order-sync.service.js';
import { CLAIMED_STATUS } from './callback-events.js';
import { CallbackConfirmationRepository, type HeldCallback } from './callback-confirmation.repository.js';

/** A failed confirmation is retried after this (doubling per attempt), at most an hour later. */
const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * How soon a confirmation held back by a checkout step in flight looks again: most Soisy answers
 * take well under a second; a slow one (up to the call budget) is looked at every 2 s, not 4 times a second.
 */
const STEP_IN_FLIGHT_RECHECK_MS = 250;
const STEP_IN_FLIGHT_RECHECK_MAX_MS = 2_000;
/** How long a waiting confirmation holds its callback at a time (renewed while it waits). */
const WAIT_LEASE_MS = 10_000;

interface WaitingConfirmation {
  held: HeldCallback;
  recheck: NodeJS.Timeout;
  rechecks: number;
  /** The lease this instance last wrote for it. */
  leaseUntil: Date;
}

/**
 * Confirms callbacks with Get order after Soisy has had its 200, so a slow Soisy never makes a
 * callback time out. One order's confirmations run one after another, in arrival order (one that
 * waited for a checkout step rejoins the end of the queue: harmless, as each applies Get order's
 * current status). Each is
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
  /** Confirmations waiting for a checkout step, by callback id; given up at shutdown (their lease passes to the job). */
  private readonly waiting = new Map<string, WaitingConfirmation>();
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
    return this.queue(held, false);
  }

  /** `recheck`: a confirmation that waited for a checkout step looks again (see waitForStep). */
  private queue(held: HeldCallback, recheck: boolean): Promise<void> {
    const next = (this.queues.get(held.orderId) ?? Promise.resolve()).then(() => this.confirm(held, recheck));
    this.queues.set(held.orderId, next);
    void next.finally(() => {
      if (this.queues.get(held.orderId) === next) this.queues.delete(held.orderId);
    });
    return next;
  }

  /**
   * Resolves once every confirmation queued so far (and any queued meanwhile) has finished,
   * including those waiting for a checkout step (they finish once the step has).
   */
  async drain(): Promise<void> {
    while (this.queues.size > 0 || this.waiting.size > 0) {
      await Promise.all([...this.queues.values()]);
      if (this.queues.size === 0 && this.waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, STEP_IN_FLIGHT_RECHECK_MS));
    }
  }

  /**
   * Stops waiting for checkout steps: each waiting callback's lease is given up (set to now), so the
   * confirmation job of any instance takes it at its next tick; then the running ones finish.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const wait of waiting) clearTimeout(wait.recheck);
    await Promise.all(waiting.map(({ held }) => this.repository.holdLease(held.id, held.attempts, this.clock.now()).catch(() => false)));
    await this.drain();
  }

  private async confirm(held: HeldCallback, recheck: boolean): Promise<void> {
    const { payload } = held;
    const type = `callback.${payload.eventId}`;
    const waited = this.waiting.get(held.id);
    if (recheck && waited?.held !== held) return; // superseded: given up at shutdown, or claimed again since
    if (!recheck && waited) {
      // Claimed again (the job, once the wait's lease had passed; or Soisy re-sending it): the new
      // claim carries on, the wait ends.
      clearTimeout(waited.recheck);
      this.waiting.delete(held.id);
    }
    try {
      const order = await this.orders.findByToken(payload.orderToken);
      if (order && stepInFlight(order, this.clock.now())) return await this.waitForStep(held);
      if (recheck) {
        // The wait is over. The callback is still this instance's only if no other claimed it
        // meanwhile (a claim counts an attempt) and it is not confirmed; then it is held for a whole
        // confirmation again.
        this.waiting.delete(held.id);
        if (!(await this.repository.holdLease(held.id, held.attempts, this.leaseUntil(this.clock.now())))) return;
      }
      if (order) {
        const claimed = CLAIMED_STATUS[payload.eventId] ?? null;
        await this.syncService.syncOrder(order, {
          source: 'callback',
          type,
          data: { eventId: payload.eventId, eventDate: payload.eventDate, claimed },
          recordUnchanged: true,
          cancelledIsRefusal: payload.eventId === 'UserWasRejected',
        });
      }
      await this.repository.confirmed(held.id, this.clock.now());
    } catch (error) {
      this.waiting.delete(held.id);
      // Not confirmed, so nothing moves; the event says so and a later try (any instance) repeats it.
      const code = error instanceof SoisyError ? error.code : 'UNEXPECTED';
      this.logger.warn({ err: error }, `Could not confirm ${type} with Get order`);
      await this.orders.recordEvent(held.orderId, 'callback', `${type}.unconfirmed`, { error: code }).catch(() => undefined);
      await this.repository.failed(held.id, code, this.retryAt(held.attempts)).catch(() => undefined);
    }
  }

  /**
   * Holds the callback WAIT_LEASE_MS at a time, renewed once half of it is left (no other instance
   * takes it over while this one waits; one that died hands it over within that, not at the step
   * claim's 3-minute expiry), and looks again, in this instance's queue for the order, after 250 ms,
   * doubling up to 2 s. Dropped when another instance holds it.
   */
  private async waitForStep(held: HeldCallback): Promise<void> {
    const wait = this.waiting.get(held.id);
    const now = this.clock.now().getTime();
    let leaseUntil = wait?.held === held ? wait.leaseUntil : new Date(0);
    if (leaseUntil.getTime() - now < WAIT_LEASE_MS / 2) {
      leaseUntil = new Date(now + WAIT_LEASE_MS);
      if (!(await this.repository.holdLease(held.id, held.attempts, leaseUntil))) {
        this.waiting.delete(held.id);
        return;
      }
    }
    if (this.stopping) {
      // Shutting down: no recheck here; the lease is given up so the confirmation job of any instance takes it.
      await this.repository.holdLease(held.id, held.attempts, this.clock.now());
      return;
    }
    const rechecks = (wait?.held === held ? wait.rechecks : 0) + 1;
    const delay = Math.min(STEP_IN_FLIGHT_RECHECK_MAX_MS, STEP_IN_FLIGHT_RECHECK_MS * 2 ** (rechecks - 1));
    const recheck = setTimeout(() => void this.queue(held, true), delay);
    this.waiting.set(held.id, { held, recheck, rechecks, leaseUntil });
  }

  private retryAt(attempts: number): Date {
    const delay = Math.min(MAX_RETRY_DELAY_MS, this.config.recovery.intervalSeconds * 1000 * 2 ** Math.max(0, attempts - 1));
    return new Date(this.clock.now().getTime() + delay);
  }
}
