import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Answer, IdempotencyService, Replayed, type IdempotentRequest, type StoredBody } from '../../common/idempotency/index.js';
import { parseIsoInstant } from '../../common/validation/iso-instant.js';
import { isReleasable } from '../../orders/order-lifecycle.js';
import type { Order } from '../../orders/order.js';
import { OrdersRepository, type Tx } from '../../orders/orders.repository.js';
import { toBackOfficeOrder } from '../back-office-order.view.js';
import type { BackOfficeOrderDto } from '../dto/back-office-order.dto.js';
import type { ReleaseOrderDto } from './dto/release-order.dto.js';
import { ReleaseAttemptsService } from './release-attempts.service.js';
import { ReleaseErrors } from './release.errors.js';

/** 200: released (now or before). 202: stored for later (scheduled, or retrying after a refusal). */
export type ReleaseAnswer = Answer<BackOfficeOrderDto> & { status: 200 | 202 };

const RELEASE_AT_MAX_YEARS_AHEAD = 2;

@Injectable()
export class ReleaseService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly attempts: ReleaseAttemptsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /** `actor`: the back-office key's name, recorded on every event of this release (never the key). */
  async release(token: string, dto: ReleaseOrderDto, actor: string, key?: string): Promise<ReleaseAnswer> {
    const order = await this.orders.findByTokenOrThrow(token);
    const amount = dto.amount ?? order.amountCents;
    if (amount > order.amountCents) throw ReleaseErrors.amountTooHigh(order.amountCents);
    const releaseAt = dto.releaseAt === undefined ? undefined : parseIsoInstant(dto.releaseAt);
    const body = { amount: dto.amount, releaseAt: releaseAt?.toISOString() };
    const request = key ? this.idempotency.identify('release', key, { method: 'POST', route: `/v1/orders/${token}/release`, body }) : undefined;
    if (request) {
      const replay = await this.idempotency.lookup<BackOfficeOrderDto>(request);
      if (replay instanceof Replayed) return Answer.replay(replay.status === 202 ? 202 : 200, replay.body) as ReleaseAnswer;
    }
    if (!releaseAt) return this.releaseNow(order, amount, dto.amount, actor, request);
    // Checked after the replay: a retry of a scheduling whose time has since passed gets its answer.
    this.assertSchedulable(releaseAt);
    return this.schedule(order, amount, releaseAt, actor, request);
  }

  /** A time already past would be due at once, as a 1970 date from a wrong unit would have been. */
  private assertSchedulable(releaseAt: Date): void {
    const now = this.clock.now();
    if (releaseAt <= now) throw ReleaseErrors.releaseAtNotInFuture();
    const latest = new Date(now);
    latest.setUTCFullYear(latest.getUTCFullYear() + RELEASE_AT_MAX_YEARS_AHEAD);
    if (releaseAt > latest) throw ReleaseErrors.releaseAtTooFar(RELEASE_AT_MAX_YEARS_AHEAD);
  }

  private async schedule(order: Order, amount: number, releaseAt: Date, actor: string, request?: IdempotentRequest): Promise<ReleaseAnswer> {
    const scheduled = await this.orders.releases.schedule(order.id, amount, releaseAt, this.clock.now(), async (tx, updated) => {
      if (!request) return;
      await this.idempotency.begin(tx, request);
      await this.remember(tx, request, answer(202, updated));
    }, actor);
    return scheduled ? answer(202, scheduled) : this.refusal(order.id, amount === order.amountCents ? undefined : amount);
  }

  /** The claim commits before Soisy is called; the outcome and the idempotency record commit together. */
  private async releaseNow(order: Order, amount: number, requested: number | undefined, actor: string, request?: IdempotentRequest): Promise<ReleaseAnswer> {
    const begin = request ? (tx: Tx) => this.idempotency.begin(tx, request) : undefined;
    const claim = await this.orders.releases.claimNow(order.id, amount, this.clock.now(), begin, actor);
    if (!claim) return this.refusal(order.id, requested);
    const settled = await this.attempts.attempt(claim, async (tx, updated) => {
      if (!request) return;
      const outcome = updated.releaseStatus === 'released' ? 200 : updated.releaseStatus === 'scheduled' ? 202 : undefined;
      // Only answers worth replaying are kept; after an error the same key may try again.
      if (outcome) await this.remember(tx, request, answer(outcome, updated));
      else await this.idempotency.discard(tx, request);
    });
    if (!settled) throw ReleaseErrors.changedMeanwhile();
    if (settled.releaseStatus === 'released') return answer(200, settled);
    if (settled.releaseStatus === 'scheduled') return answer(202, settled);
    if (settled.releaseStatus === 'failed') throw ReleaseErrors.failed(settled.releaseLastError);
    throw ReleaseErrors.attemptOutcomeUnknown();
  }

  /** Why the claim was not won, read after the fact (another request or instance got there first). */
  private async refusal(orderId: string, requested: number | undefined): Promise<ReleaseAnswer> {
    const current = await this.orders.findByIdOrThrow(orderId);
    if (!isReleasable(current.status)) throw ReleaseErrors.notReleasable(current.status);
    if (current.releaseStatus === 'released') {
      // Asking again for what was done is answered with it; asking for something else is not.
      if (requested === undefined || requested === current.releaseAmountCents) return answer(200, current);
      throw ReleaseErrors.alreadyReleased(current.releaseAmountCents);
    }
    if (current.releaseStatus === 'in_progress') throw ReleaseErrors.inProgress();
    if (current.releaseStatus === 'unknown') throw ReleaseErrors.outcomeUnknown();
    throw ReleaseErrors.changedMeanwhile();
  }

  private async remember(tx: Tx, request: IdempotentRequest, result: ReleaseAnswer): Promise<void> {
    await this.idempotency.complete(tx, request, result.status, result.body as unknown as StoredBody);
  }
}

function answer(status: 200 | 202, order: Order): ReleaseAnswer {
  return new Answer(status, toBackOfficeOrder(order)) as ReleaseAnswer;
}
