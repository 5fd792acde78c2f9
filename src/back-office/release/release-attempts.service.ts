import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import type { Order } from '../../orders/order.js';
import { OrdersRepository, type AlsoWithOrder } from '../../orders/orders.repository.js';
import type { ReleaseClaim, Settlement } from '../../orders/release-claim.js';
import { SoisyError, SoisyGateway } from '../../soisy/index.js';
import { nextAttemptAt } from './release-backoff.js';

/**
 * Sends the one match-trigger a claim allows, then records what it proved:
 * - 2xx: `released`.
 * - a failure proving Soisy did not act (never sent, or a 4xx): `scheduled` again with backoff,
 *   or `failed` once RELEASE_MAX_ATTEMPTS attempts have failed.
 * - anything else (timeout, dropped connection, 5xx, an unexpected error): `unknown`. Soisy may
 *   have started the financing and Get order does not show a match-trigger, so a retry could be a
 *   second one: it is left for a human, never repeated automatically.
 */
@Injectable()
export class ReleaseAttemptsService {
  private readonly logger = new Logger('ReleaseAttempts');

  constructor(
    private readonly gateway: SoisyGateway,
    private readonly orders: OrdersRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async attempt(claim: ReleaseClaim, also?: AlsoWithOrder): Promise<Order | undefined> {
    let settlement: Settlement;
    try {
      await this.gateway.matchTrigger(claim.token, claim.amountCents);
      settlement = { status: 'released', releasedAt: this.clock.now(), eventType: 'release.succeeded' };
    } catch (error) {
      settlement = this.afterFailure(claim, error);
    }
    const order = await this.orders.releases.settle(claim, settlement, also);
    if (!order) this.logger.error(`Release attempt ${claim.attempt} of order ${claim.id} was settled by someone else (${settlement.status} not recorded)`);
    return order;
  }

  private afterFailure(claim: ReleaseClaim, error: unknown): Settlement {
    const definite = error instanceof SoisyError && !error.outcomeUnknown;
    const reason = error instanceof SoisyError ? `${error.code}: ${error.detail}` : 'unexpected error while calling Soisy';
    const eventData = { error: error instanceof SoisyError ? error.code : 'UNEXPECTED' };
    if (!definite) {
      this.logger.error({ err: error }, `Match-trigger outcome unknown for order ${claim.id}; parked for a human`);
      return { status: 'unknown', lastError: reason, eventType: 'release.outcome_unknown', eventData };
    }
    const { releaseMaxAttempts, releaseRetryBaseSeconds } = this.config.scheduler;
    if (claim.attempt >= releaseMaxAttempts) {
      return { status: 'failed', lastError: reason, eventType: 'release.failed', eventData: { ...eventData, reason: 'attempts_exhausted' } };
    }
    const retryAt = nextAttemptAt(this.clock.now(), claim.attempt, releaseRetryBaseSeconds);
    return { status: 'scheduled', nextAttemptAt: retryAt, lastError: reason, eventType: 'release.attempt_failed', eventData: { ...eventData, nextAttemptAt: retryAt.toISOString() } };
  }
}
