import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { isFinal } from '../orders/order-lifecycle.js';
import { OrderStatus as OrderStatusEnum, type OrderStatus } from '../orders/order.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { withoutPersonalData } from './personal-data-fields.js';
import { expiredIdempotencyRecordsDeleted, personalDataErasedOrders } from './retention.metrics.js';
import { RetentionRepository } from './retention.repository.js';

/** The lifecycle's final statuses (refused, disbursed, cancelled, failed, and any added later). */
export const FINAL_STATUSES: readonly OrderStatus[] = Object.values(OrderStatusEnum).filter(isFinal);

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionRun {
  erasedOrders: number;
  deletedIdempotencyRecords: number;
}

/**
 * GDPR storage limitation (Art. 5(1)(e)): once an order has been in a final state (or released)
 * for PERSONAL_DATA_RETENTION_DAYS, its personal data is erased, its figures and history kept.
 * Bounded batches, each one transaction, locked with SKIP LOCKED: safe with replicas.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly orders: OrdersRepository,
    private readonly repository: RetentionRepository,
  ) {}

  /** One batch: the number of orders erased (fewer than the batch size: nothing more is due now). */
  async eraseBatch(): Promise<number> {
    const { days, batchSize } = this.config.retention;
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    // The orders, their events and the related tables in one transaction (the core's erasure write).
    const { length: erased } = await this.orders.erasure.eraseDue({
      finalStatuses: FINAL_STATUSES,
      cutoff,
      limit: batchSize,
      retentionDays: days,
      mask: withoutPersonalData,
      also: (tx, due) => this.repository.eraseRelated(tx, due, now, days),
    });
    personalDataErasedOrders.inc(erased);
    return erased;
  }

  /** Batches until none is due or `stopping()` says so, then the old idempotency records likewise. */
  async run(stopping: () => boolean = () => false): Promise<RetentionRun> {
    const { days, batchSize } = this.config.retention;
    const result: RetentionRun = { erasedOrders: 0, deletedIdempotencyRecords: 0 };
    for (let batch = batchSize; batch === batchSize && !stopping(); ) {
      batch = await this.eraseBatch();
      result.erasedOrders += batch;
    }
    const cutoff = new Date(this.clock.now().getTime() - days * DAY_MS);
    for (let batch = batchSize; batch === batchSize && !stopping(); ) {
      batch = await this.repository.deleteIdempotencyRecordsBefore(cutoff, batchSize);
      result.deletedIdempotencyRecords += batch;
    }
    expiredIdempotencyRecordsDeleted.inc(result.deletedIdempotencyRecords);
    if (result.erasedOrders + result.deletedIdempotencyRecords > 0) this.logger.log(result, 'Personal data past its retention erased');
    return result;
  }
}
