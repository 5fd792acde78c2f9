import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import type { EventSource } from '../../orders/order.js';
import { OrdersRepository, type PendingAttempt } from '../../orders/orders.repository.js';
import { SoisyError, SoisyGateway, afterLongestCall, type SoisyOrderListEntry } from '../../soisy/index.js';
import { recoveredAnswer } from './recovered-answer.js';
import { absenceEstablished, absenceEstablishedFrom, matchLostCreation } from './lost-creation-match.js';
import { CreationRecoveryRepository } from './creation-recovery.repository.js';

export type Verdict = 'adopted' | 'absent' | 'undecided';

/** What a retry of a pending reference should do. */
export type RetryVerdict =
  /** No pending order (any more): nothing for recovery to decide, the conflict stands. */
  | { kind: 'not_pending' }
  /** The first attempt's call may still be running: answer as before, decide nothing. */
  | { kind: 'in_flight'; retryAfterSeconds: number }
  | { kind: 'undecided'; retryAfterSeconds: number }
  /** Adopted or failed by this check: run the request again. */
  | { kind: 'decided' };

const AMBIGUOUS_RECHECK_MS = 60 * 60_000;

/**
 * Decides what happened to create-order calls whose answer was lost (crash, timeout, dropped
 * connection, a commit that failed after Soisy answered), from Soisy's order list: the order is
 * there → adopt its token; it is not, and cannot still appear → `failed`, and only then may the
 * reference make a new Soisy order. Anything else waits; a reference never gets two Soisy orders.
 */
@Injectable()
export class CreationRecoveryService {
  private readonly logger = new Logger('CreationRecovery');

  constructor(
    private readonly soisy: SoisyGateway,
    private readonly orders: OrdersRepository,
    private readonly repository: CreationRecoveryRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** How long a check holds a pending order: a list call with its retries ends within it. */
  leaseUntil(now: Date): Date {
    return afterLongestCall(this.config.soisy, now);
  }

  /** A retry of `orderReference` found it pending: decide now if that can be done. */
  async settleForRetry(shopId: string, orderReference: string): Promise<RetryVerdict> {
    const now = this.clock.now();
    const pending = await this.orders.recovery.findPending(shopId, orderReference);
    if (!pending) return { kind: 'not_pending' };
    if (pending.creationEndsBy > now) return { kind: 'in_flight', retryAfterSeconds: secondsUntil(pending.creationEndsBy, now) };
    const claimed = await this.orders.recovery.claimOne(pending.id, now, this.leaseUntil(now));
    if (!claimed) return { kind: 'undecided', retryAfterSeconds: secondsUntil(pending.recoveryNextCheckAt ?? now, now) };
    const [verdict] = await this.settle([claimed], 'api');
    if (verdict !== 'undecided') return { kind: 'decided' };
    return { kind: 'undecided', retryAfterSeconds: secondsUntil(this.nextCheck(claimed, now), now) };
  }

  /** Reads Soisy's list once and decides each claimed attempt; the verdicts in the same order. */
  async settle(attempts: PendingAttempt[], source: EventSource): Promise<Verdict[]> {
    if (attempts.length === 0) return [];
    const listReadAt = this.clock.now();
    let entries: SoisyOrderListEntry[];
    try {
      entries = await this.soisy.listOrders();
    } catch (error) {
      // Soisy unreachable: nothing can be established; the claim's lease spaces the next look.
      this.logger.warn(`Could not read Soisy's order list to recover ${attempts.length} pending order(s): ${error instanceof SoisyError ? error.code : 'unexpected error'}`);
      if (!(error instanceof SoisyError)) this.logger.warn({ err: error }, 'Unexpected error reading the order list');
      return attempts.map(() => 'undecided');
    }
    const tokensInUse = await this.orders.tokensInUse(entries.map((entry) => entry.token));
    const verdicts: Verdict[] = [];
    for (const attempt of attempts) verdicts.push(await this.decide(attempt, entries, tokensInUse, listReadAt, source));
    return verdicts;
  }

  private async decide(attempt: PendingAttempt, entries: SoisyOrderListEntry[], tokensInUse: Set<string>, listReadAt: Date, source: EventSource): Promise<Verdict> {
    const match = matchLostCreation(attempt, entries, tokensInUse);
    if (match.kind === 'found') {
      const answer = recoveredAnswer(attempt, match.entry);
      const adopted = await this.orders.recovery.adopt(attempt, match.entry, source, (tx) => this.repository.storeAnswer(tx, attempt, answer, this.clock.now()));
      if (adopted) tokensInUse.add(match.entry.token);
      return adopted ? 'adopted' : 'undecided';
    }
    if (match.kind === 'ambiguous') {
      this.logger.error(`Soisy holds ${match.count} orders that fit pending order ${attempt.id}: left pending for a human`);
      const detail = { event: 'order.creation_ambiguous', statusDetail: 'ORDER.CREATION_AMBIGUOUS', data: { candidates: match.count } };
      await this.orders.recovery.postpone(attempt, new Date(listReadAt.getTime() + AMBIGUOUS_RECHECK_MS), detail);
      return 'undecided';
    }
    if (absenceEstablished(listReadAt, attempt.creationEndsBy, this.config.recovery.absentAfterSeconds * 1000)) {
      return (await this.orders.recovery.markAbsent(attempt, source, listReadAt, (tx) => this.repository.forgetUnfinished(tx, attempt))) ? 'absent' : 'undecided';
    }
    await this.orders.recovery.postpone(attempt, this.nextCheck(attempt, listReadAt));
    return 'undecided';
  }

  /** The next look worth taking: when absence can be established, and not before the next interval. */
  private nextCheck(attempt: PendingAttempt, now: Date): Date {
    const absentAt = absenceEstablishedFrom(attempt.creationEndsBy, this.config.recovery.absentAfterSeconds * 1000);
    return new Date(Math.max(absentAt.getTime(), now.getTime() + 1000));
  }
}

function secondsUntil(when: Date, now: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / 1000));
}
