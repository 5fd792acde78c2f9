import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { Clock } from '../clock.js';
import { Answer, REPLAYED_HEADER } from '../http/answer.js';
import { IdempotencyErrors } from './idempotency.errors.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { FingerprintedRequest, requestFingerprint } from './request-fingerprint.js';

/** Stripe keeps keys for 24 hours; after that a key may be used again for anything. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A record still "in progress" this long after it was written belongs to a request whose process
 * died (requests end within Soisy's timeouts). Forgetting it is safe: the work it guarded has its own
 * database guard (an order reference is unique, a release is claimed once), so a retry cannot
 * repeat it; without this the key would answer 409 for a whole day.
 */
export const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/** An answer body as stored for replay (JSON). */
export type StoredBody = Prisma.InputJsonValue;

/** One use of an Idempotency-Key: where it is scoped (one route), and what request it stands for. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  fingerprint: string;
}

/** The first answer, to be sent again as it was (with `Idempotent-Replayed: true`, by AnswerInterceptor). */
export class Replayed<T = unknown> extends Answer<T> {
  constructor(status: number, body: T) {
    super(status, body, { [REPLAYED_HEADER]: 'true' });
  }
}

/**
 * Stripe's idempotency semantics on top of a unique (scope, key) row:
 *
 * 1. `lookup` before any work: a completed record with the same fingerprint gives a `Replayed`;
 *    another fingerprint → 422; still running → 409; none → undefined (go ahead).
 * 2. `begin(tx, …)` inside the transaction that writes the work: inserts the in-progress record;
 *    when a concurrent request won the race it throws 409 (the transaction is then aborted).
 * 3. `complete(tx, …)` in the transaction that commits the outcome, or `discard(tx, …)` when the
 *    outcome must not be replayed (so a retry with the same key runs again).
 *
 * `beginStatement` / `completeStatement` are 2. and 3. as parts of the caller's single SQL statement
 * (a CTE), for hot paths that write their work in one statement instead of an interactive
 * transaction (issue 10: create order). Same rows, same rule: the record commits with the work.
 * `beginStatement` does not throw on a conflict: the caller's statement sees no row and then
 * writes nothing, and the caller runs `lookup` (the usual 2. path) to tell replay, 422 and 409 apart.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly records: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  identify(scope: string, key: string, request: FingerprintedRequest): IdempotentRequest {
    return { scope, key, fingerprint: requestFingerprint(request) };
  }

  async lookup<T>(request: IdempotentRequest): Promise<Replayed<T> | undefined> {
    const record = await this.records.find(request);
    if (!record) return undefined;
    const age = this.clock.now().getTime() - record.createdAt.getTime();
    const abandoned = record.responseStatus === null && age > ABANDONED_AFTER_MS;
    if (age > IDEMPOTENCY_KEY_LIFETIME_MS || abandoned) {
      await this.records.delete(undefined, request);
      return undefined;
    }
    if (record.requestHash !== request.fingerprint) throw IdempotencyErrors.mismatch();
    if (record.responseStatus === null) throw IdempotencyErrors.inProgress();
    return new Replayed(record.responseStatus, record.responseBody as T);
  }

  async begin(tx: Prisma.TransactionClient, request: IdempotentRequest): Promise<void> {
    if (!(await this.records.insert(tx, request, request.fingerprint, this.clock.now()))) throw IdempotencyErrors.inProgress();
  }

  async complete(tx: Prisma.TransactionClient, request: IdempotentRequest, status: number, body: StoredBody): Promise<void> {
    await this.records.complete(tx, request, status, body, this.clock.now());
  }

  async discard(tx: Prisma.TransactionClient, request: IdempotentRequest): Promise<void> {
    await this.records.delete(tx, request);
  }

  /**
   * `begin` as a CTE body, attempted only when `onlyIf` (SQL) holds: one row (`inserted`) when the
   * record was written, none when the key is held (or `onlyIf` was false).
   */
  beginStatement(request: IdempotentRequest, onlyIf: Prisma.Sql): Prisma.Sql {
    return this.records.insertStatement(request, request.fingerprint, this.clock.now(), onlyIf);
  }

  /** `complete` as a CTE body, applied only when `onlyIf` (SQL, e.g. `EXISTS (SELECT 1 FROM changed)`) holds. */
  completeStatement(request: IdempotentRequest, status: number, body: StoredBody, onlyIf: Prisma.Sql): Prisma.Sql {
    return this.records.completeStatement(request, status, body, this.clock.now(), onlyIf);
  }
}
