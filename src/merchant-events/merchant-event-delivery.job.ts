import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { IntervalJob } from '../common/scheduling/interval-job.js';
import { AppConfig } from '../config/app-config.js';
import type { MerchantEventsConfig } from '../config/merchant-events-config.js';
import { afterFailure } from './delivery-backoff.js';
import { DeliveryClaimsRepository, type ClaimedDelivery, type Settlement } from './delivery-claims.repository.js';
import { merchantEventDeliveries, merchantEventDeliveryLag, merchantEventQueueDepth } from './merchant-event-metrics.js';
import { WebhookSender } from './webhook-sender.js';
import { signatureHeaders } from './webhook-signature.js';

/** Batches claimed per run: each batch holds at most one event per order and endpoint. */
const MAX_BATCHES_PER_RUN = 20;
/** A lease outlives its POST by this much, so it is never taken over while its POST can still run. */
const LEASE_MARGIN_MS = 30_000;

export interface DeliveryRunReport {
  attempted: number;
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Sends due merchant event deliveries, on its interval and whenever a test calls `runOnce()`:
 * claims a batch (SKIP LOCKED, the head of each order's queue), POSTs them in parallel, records every
 * attempt, and claims again, so one run can walk an order's events in order.
 */
@Injectable()
export class MerchantEventDeliveryJob extends IntervalJob {
  private readonly settings: MerchantEventsConfig;

  constructor(
    registry: SchedulerRegistry,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly claims: DeliveryClaimsRepository,
    private readonly sender: WebhookSender,
  ) {
    super('merchant-event-delivery', registry, { ...config.scheduler, intervalSeconds: config.merchantEvents.intervalSeconds });
    this.settings = config.merchantEvents;
  }

  async runOnce(): Promise<DeliveryRunReport> {
    const report: DeliveryRunReport = { attempted: 0, delivered: 0, retried: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !this.stopping; batch += 1) {
      const now = this.clock.now();
      const leaseUntil = new Date(now.getTime() + this.settings.timeoutMs + LEASE_MARGIN_MS);
      const claimed = await this.claims.claimDue(now, leaseUntil, this.settings.batchSize);
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((claim) => this.deliver(claim)));
      for (const outcome of outcomes) {
        report.attempted += 1;
        report[outcome === 'pending' ? 'retried' : outcome] += 1;
      }
    }
    merchantEventQueueDepth.set(await this.claims.pendingCount());
    return report;
  }

  private async deliver(claim: ClaimedDelivery): Promise<Settlement['status']> {
    const endpoint = this.settings.endpoints.find((candidate) => candidate.url === claim.endpoint);
    if (!endpoint) {
      // Removed from the configuration since the event was written: nothing to sign it with.
      await this.claims.settle(claim, undefined, this.clock.now(), { status: 'failed', lastError: 'endpoint_unconfigured' });
      merchantEventDeliveries.inc({ outcome: 'failed' });
      return 'failed';
    }
    const body = JSON.stringify(claim.payload);
    const attempt = await this.sender.post(endpoint.url, signatureHeaders(endpoint.secrets, claim.eventId, this.clock.now(), body), body);
    const at = this.clock.now();
    const settlement: Settlement = attempt.errorClass === null
      ? { status: 'delivered', at }
      : withError(afterFailure(at, claim.createdAt, claim.attempts + 1, this.settings.retryHours), attempt.errorClass);
    await this.claims.settle(claim, attempt, at, settlement);
    merchantEventDeliveries.inc({ outcome: settlement.status === 'pending' ? 'retry' : settlement.status });
    if (settlement.status === 'delivered') merchantEventDeliveryLag.observe(Math.max(0, at.getTime() - claim.eventCreatedAt.getTime()) / 1000);
    if (settlement.status === 'failed') this.logger.warn({ eventId: claim.eventId, errorClass: attempt.errorClass }, 'Merchant event delivery given up after the retry window');
    return settlement.status;
  }
}

function withError(outcome: ReturnType<typeof afterFailure>, lastError: string): Settlement {
  return outcome.status === 'failed' ? { status: 'failed', lastError } : { ...outcome, lastError };
}
