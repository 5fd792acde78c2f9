import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { OrderSyncService } from '../../orders/order-sync.service.js';
import { isIssued, type IssuedOrder } from '../../orders/order.js';
import { OrdersRepository, type ExpiryClaim } from '../../orders/orders.repository.js';
import { afterLongestCall, SoisyError, SoisyErrorCode, SoisyGateway } from '../../soisy/index.js';
import { expiryVerdict, type ExpiryAnswer, type ExpiryOutcome } from './expiry-verdict.js';
import { OrderListAbsence } from './order-list-absence.js';
import { countConfirmation } from './order-expiry.metrics.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ExpiryRun = Record<ExpiryOutcome, number>;

/**
 * Expires orders abandoned in `created`/`requested` for ORDER_EXPIRY_DAYS, once Soisy's Get order
 * confirms nothing is happening (src/reconciliation/order-expiry/README.md). Each batch is claimed
 * with a lease and committed before Soisy is called; each expiry is a guarded update.
 */
@Injectable()
export class OrderExpiryService {
  private readonly logger = new Logger('OrderExpiry');

  constructor(
    private readonly orders: OrdersRepository,
    private readonly sync: OrderSyncService,
    private readonly gateway: SoisyGateway,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Batches until none is due (or `stopping()`); a claim that failed waits for its lease to end. */
  async run(stopping: () => boolean = () => false): Promise<ExpiryRun> {
    const run: ExpiryRun = { expired: 0, moving: 0, cancelled: 0, changed: 0, failed: 0 };
    const { days, batchSize } = this.config.orderExpiry;
    const absence = new OrderListAbsence(this.gateway);
    while (!stopping()) {
      const now = this.clock.now();
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      const claims = await this.orders.expiry.claimDue(cutoff, now, this.leaseUntil(now, batchSize), batchSize);
      // Every claim is confirmed, even while stopping: a graceful shutdown waits for the batch in hand.
      let failed = 0;
      for (const claim of claims) {
        const outcome = await this.confirm(claim, absence);
        run[outcome] += 1;
        if (outcome === 'failed') failed += 1;
        countConfirmation(outcome);
      }
      // A batch Soisy failed entirely means Soisy is down: the next run tries again, not the next batch.
      if (claims.length < batchSize || failed === claims.length) break;
    }
    return run;
  }

  /** The batch's Get order calls run one after another: the lease covers all of them. */
  private leaseUntil(now: Date, batchSize: number): Date {
    const oneCall = afterLongestCall(this.config.soisy, now).getTime() - now.getTime();
    return new Date(now.getTime() + batchSize * oneCall);
  }

  private async confirm(claim: ExpiryClaim, absence: OrderListAbsence): Promise<ExpiryOutcome> {
    const order = await this.orders.findById(claim.id);
    if (!order || !isIssued(order) || order.status !== claim.status) return 'changed';
    let answer: ExpiryAnswer;
    try {
      answer = await this.ask(order, absence);
    } catch (error) {
      // Soisy unreachable or failing: nothing is known, nothing is changed; due again after the lease.
      this.logger.warn({ err: error, orderId: claim.id }, 'Could not confirm an abandoned order with Soisy');
      return 'failed';
    }
    const verdict = expiryVerdict(claim.status, answer);
    if (verdict.outcome !== 'expire') return verdict.outcome;
    const data = { ...verdict.data, expiryDays: this.config.orderExpiry.days };
    return (await this.orders.expiry.expire(claim, this.clock.now(), data)) ? 'expired' : 'changed';
  }

  /** Get order through the sync path; a 404 counts only if Soisy's order list also lacks the order. */
  private async ask(order: IssuedOrder, absence: OrderListAbsence): Promise<ExpiryAnswer> {
    try {
      const result = await this.sync.syncOrder(order, { source: 'scheduler', type: 'expiry_check', recordUnchanged: false });
      return { kind: 'found', soisyStatus: result.soisyStatus, confirmed: result.confirmed, applied: result.applied };
    } catch (error) {
      if (!(error instanceof SoisyError && error.code === SoisyErrorCode.ORDER_UNKNOWN_UPSTREAM)) throw error;
      if (await absence.confirms(order.token)) return { kind: 'not_found' };
      throw new Error('Get order answered 404 for an order Soisy\'s order list still has', { cause: error });
    }
  }
}
