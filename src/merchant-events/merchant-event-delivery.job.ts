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
      this.logger.error({ ...describeDelivery(claim), errorClass: 'endpoint_unconfigured' }, 'Merchant event delivery given up: its endpoint is no longer configured');
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
    if (settlement.status !== 'delivered') this.logFailure(claim, settlement);
    return settlement.status;
  }

  /**
   * One line per failed attempt (warn) and per delivery given up (error), so an operator sees a
   * receiver in trouble without the API: what, where (host only), which attempt, why, and when
   * next. Never the body (personal data), the signature or the secret.
   */
  private logFailure(claim: ClaimedDelivery, settlement: Exclude<Settlement, { status: 'delivered' }>): void {
    const line = { ...describeDelivery(claim), attempt: claim.attempts + 1, errorClass: settlement.lastError };
    if (settlement.status === 'pending') {
      this.logger.warn({ ...line, nextAttemptAt: settlement.nextAttemptAt.toISOString() }, 'Merchant event delivery attempt failed; will retry');
    } else {
      this.logger.error({ ...line, retryHours: this.settings.retryHours }, 'Merchant event delivery given up after the retry window');
    }
  }
}

/** What a log line may say about a delivery: ids, type and the endpoint's host (no path, query or credentials). */
function describeDelivery(claim: ClaimedDelivery): { eventId: string; type: string; endpointHost: string } {
  let endpointHost: string;
  try {
    endpointHost = new URL(claim.endpoint).host;
  } catch {
    endpointHost = 'unparsable';
  }
  return { eventId: claim.eventId, type: claim.payload.type, endpointHost };
}

function withError(outcome: ReturnType<typeof afterFailure>, lastError: string): Settlement {
  return outcome.status === 'failed' ? { status: 'failed', lastError } : { ...outcome, lastError };
}
