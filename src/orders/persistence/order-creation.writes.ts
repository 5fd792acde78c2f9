import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.js';
import { isUniqueViolation } from '../../prisma/unique-violation.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { untilCommitted } from '../../prisma/until-committed.js';
import type { BatchPart } from '../../prisma/statement-batcher.js';
import { canRetryCreation } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { Order } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import type { AlsoInTransaction } from './order-transitions.js';
import { toOrder, type Tx } from './order-row.js';

export interface PendingOrderDraft {
  shopId: string;
  orderReference: string;
  amountCents: number;
  /** The merchant's instalments (null: the shopper chooses); also stored as `fixedInstalments`. */
  instalments: number | null;
  zeroInterestRate: boolean | null;
  fiscalCode: string | null;
  successUrl: string | null;
  errorUrl: string | null;
  callbackSecret: string;
  /** The attempt: when it started and when its Soisy call can no longer be running (recovery waits for that). */
  creationStartedAt: Date;
  creationEndsBy: Date;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
}

/** Soisy's answer to a create-order call. */
export interface CreatedAtSoisy {
  token: string;
  redirectUrl: string;
}

/**
 * Work another owner commits with an order change, given both ways: as a CTE body of the change's
 * one statement, applied only when `onlyIf` (SQL) holds (e.g. IdempotencyService.completeStatement),
 * and as the same work in the change's transaction when the change falls back to one.
 */
export interface AlsoEitherWay {
  inStatement(onlyIf: Prisma.Sql): Prisma.Sql;
  inTransaction: AlsoInTransaction;
}

/**
 * Creating an order's rows around the Soisy call: the `pending` row written before it, and what
 * the call's outcome makes of it. A pending row leaves `pending` only through its Soisy answer,
 * a refusal, or creation recovery (src/checkout/creation-recovery): never by age.
 */
export class OrderCreationWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  /**
   * The common case, a reference never used, in ONE statement (issue 10): the idempotency record
   * (`key`, a CTE body such as IdempotencyService.beginStatement), the pending row and its
   * `order.creation_started` event, all or nothing. Resolves undefined, having written nothing, when
   * the reference already exists or `key` is held: the caller then looks the key up and takes
   * `claim`'s transaction (replay, 422, 409, or a failed row retried), so those answers are unchanged.
   * A concurrent first attempt of the reference makes the insert hit the unique
   * (shopId, orderReference) and the whole statement roll back: 409 CREATION_PENDING, as in `claim`.
   *
   * Raw SQL because Prisma's query API cannot express a conditional multi-table insert in one
   * statement; without it this was an interactive transaction of six round trips (BEGIN … COMMIT).
   * Run by PrismaService.batched, not `$queryRaw`: it is on every create order (see PrismaService.statement
   * why), and concurrent orders share a statement and its commit (StatementBatcher: what each keeps).
   */
  async claimNew(draft: PendingOrderDraft, key?: (onlyIf: Prisma.Sql) => Prisma.Sql): Promise<Order | undefined> {
    const at = new Date(); // as Prisma's @updatedAt and @default(now()) would set it: the service's wall clock
    const order = pendingOrder(randomUUID(), draft, at);
    const build = (p: string): BatchPart => {
      const [taken, idem, claimed] = [`${p}taken`, `${p}idem`, `${p}claimed`].map((name) => Prisma.raw(name));
      const free = Prisma.sql`NOT EXISTS (SELECT 1 FROM ${taken})`;
      const keyCte = key ? Prisma.sql`, ${idem} AS (${key(free)})` : Prisma.empty;
      const keyOurs = key ? Prisma.sql`AND EXISTS (SELECT 1 FROM ${idem})` : Prisma.empty;
      const started = this.events.statement(`${p}claimed`, {
        order, type: 'order.creation_started', toStatus: 'pending', source: 'api', data: fixedTerms(draft),
      }, { prefix: `${p}started`, at });
      const ctes = Prisma.sql`${taken} AS (SELECT 1 FROM orders WHERE "shopId" = ${draft.shopId} AND "orderReference" = ${draft.orderReference})${keyCte},
        ${claimed} AS (
          INSERT INTO orders (id, "shopId", "orderReference", "amountCents", instalments, "fixedInstalments", "zeroInterestRate",
            "fiscalCode", status, "successUrl", "errorUrl", "callbackSecret", "creationStartedAt", "creationEndsBy",
            "creationIdempotencyKey", "creationRequestHash", "createdAt", "updatedAt")
          SELECT ${order.id}::uuid, ${draft.shopId}, ${draft.orderReference}, ${draft.amountCents}, ${draft.instalments}::int,
            ${draft.instalments}::int, ${draft.zeroInterestRate}::boolean, ${draft.fiscalCode}, 'pending', ${draft.successUrl},
            ${draft.errorUrl}, ${draft.callbackSecret}, ${draft.creationStartedAt}, ${draft.creationEndsBy},
            ${draft.creationIdempotencyKey}, ${draft.creationRequestHash}, ${at}, ${at}
          WHERE ${free} ${keyOurs}
          RETURNING id),
        ${started}`;
      return { ctes, result: Prisma.sql`EXISTS (SELECT 1 FROM ${claimed})` };
    };
    try {
      const claimedIt = await this.prisma.batched<boolean>(key ? 'order.claim-new+key' : 'order.claim-new', build);
      return claimedIt ? order : undefined;
    } catch (error) {
      if (isUniqueViolation(error)) throw OrderErrors.creationPending(draft.orderReference);
      throw error;
    }
  }

  /**
   * In one transaction: `first` (the idempotency record), then a new pending row, or the failed row
   * of the same reference back to pending. A pending row is 409 CREATION_PENDING (recovery decides
   * it), any other existing row 409 REFERENCE_TAKEN; nothing is written then. The unique
   * (shopId, orderReference) decides between two concurrent first attempts.
   */
  async claim(draft: PendingOrderDraft, first?: AlsoInTransaction): Promise<Order> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await first?.(tx);
        const where = { shopId_orderReference: { shopId: draft.shopId, orderReference: draft.orderReference } };
        const existing = await tx.order.findUnique({ where, select: { id: true, status: true, updatedAt: true } });
        if (!existing) return this.insert(tx, draft);
        if (existing.status === 'pending') throw OrderErrors.creationPending(draft.orderReference);
        if (!canRetryCreation(existing.status)) throw OrderErrors.referenceTaken(draft.orderReference, existing.status);
        return this.retry(tx, existing, draft);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw OrderErrors.creationPending(draft.orderReference);
      throw error;
    }
  }

  /**
   * Soisy's answer, stored with `also` (the idempotency record). When recovery adopted the same
   * Soisy order meanwhile, only the redirect URL (which the list lacks) is added.
   *
   * `order` is the pending order as claimed: its merchant view (`order.created`) is built from it,
   * which is right because the fields the view shows do not change on a pending row of this
   * attempt except through this attempt (recovery moves only its lease and deadline, or decides the
   * order, and then the row is no longer pending in this attempt). Tried again (3 more times) while
   * the database refuses it without committing (untilCommitted); recovery adopting the order
   * meanwhile is the case above.
   */
  async complete(order: Order, created: CreatedAtSoisy, also?: AlsoEitherWay): Promise<void> {
    await untilCommitted(() => this.completeOnce(order, created, also));
  }

  private async completeOnce(order: Order, created: CreatedAtSoisy, also?: AlsoEitherWay): Promise<void> {
    if (await this.completeInOneStatement(order, created, also)) return;
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: 'pending', creationStartedAt: order.creationStartedAt },
        data: { token: created.token, redirectUrl: created.redirectUrl, status: 'created', recoveryNextCheckAt: null },
      });
      if (count === 1) {
        const done = toOrder(await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
        await this.events.write(tx, { order: done, type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api' });
      } else {
        const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, token: true } });
        if (current.token !== created.token) throw OrderErrors.illegalTransition(current.status, 'created');
        const done = toOrder(await tx.order.update({ where: { id: order.id }, data: { redirectUrl: created.redirectUrl } }));
        await this.events.write(tx, { order: done, type: 'order.creation_answer_after_recovery', source: 'api' });
      }
      await also?.inTransaction(tx);
    });
  }

  /**
   * The common case of `complete` in ONE statement (issue 10), guarded by the row being pending in
   * this attempt: the transition to `created`, its event, the merchant event and its deliveries
   * (OrderEventWriter.statement) and `also`. False, having written nothing, when the guard fails
   * (recovery decided the order meanwhile): `complete`'s transaction then handles it as before.
   * Shares its statement and commit with concurrent orders' (PrismaService.batched).
   */
  private async completeInOneStatement(order: Order, created: CreatedAtSoisy, also?: AlsoEitherWay): Promise<boolean> {
    if (order.creationStartedAt === null) return false;
    const at = new Date(); // as Prisma's @updatedAt would set it
    const done: Order = { ...order, token: created.token, redirectUrl: created.redirectUrl, status: 'created', recoveryNextCheckAt: null, updatedAt: at };
    const build = (p: string): BatchPart => {
      const changed = Prisma.raw(`${p}changed`);
      const event = this.events.statement(`${p}changed`, { order: done, type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api' }, { prefix: `${p}created`, at });
      const alsoCte = also ? Prisma.sql`, ${Prisma.raw(`${p}also_done`)} AS (${also.inStatement(Prisma.sql`EXISTS (SELECT 1 FROM ${changed})`)})` : Prisma.empty;
      const ctes = Prisma.sql`${changed} AS (
        UPDATE orders SET token = ${created.token}, "redirectUrl" = ${created.redirectUrl}, status = 'created',
          "recoveryNextCheckAt" = NULL, "updatedAt" = ${at}
        WHERE id = ${order.id}::uuid AND status = 'pending' AND "creationStartedAt" = ${order.creationStartedAt}
        RETURNING id),
      ${event}${alsoCte}`;
      return { ctes, result: Prisma.sql`EXISTS (SELECT 1 FROM ${changed})` };
    };
    return (await this.prisma.batched<boolean>(also ? 'order.created+also' : 'order.created', build)) === true;
  }

  /**
   * The call ended without an answer (timeout, dropped connection, 5xx): it is no longer running, so
   * recovery may look the order up from `now` instead of waiting for the attempt's deadline.
   */
  async outcomeUnknown(order: Order, code: string, now: Date, also?: AlsoInTransaction): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.updateMany({ where: { id: order.id, status: 'pending', creationStartedAt: order.creationStartedAt }, data: { creationEndsBy: now } });
      const current = toOrder(await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
      await this.events.write(tx, { order: current, source: 'api', type: 'order.creation_outcome_unknown', data: { code } });
      await also?.(tx);
    });
  }

  private async insert(tx: Tx, draft: PendingOrderDraft): Promise<Order> {
    const order = toOrder(await tx.order.create({ data: { ...draft, fixedInstalments: draft.instalments, status: 'pending' } }));
    await this.events.write(tx, { order, type: 'order.creation_started', toStatus: 'pending', source: 'api', data: fixedTerms(draft) });
    return order;
  }

  /** Conditional on the row being as read, so two concurrent retries cannot both revive it. */
  private async retry(tx: Tx, existing: Pick<Order, 'id' | 'status' | 'updatedAt'>, draft: PendingOrderDraft): Promise<Order> {
    const { id, status, updatedAt } = existing;
    const data = { ...draft, fixedInstalments: draft.instalments, status: 'pending' as const, statusDetail: null, recoveryNextCheckAt: null };
    const { count } = await tx.order.updateMany({ where: { id, status, updatedAt }, data });
    if (count === 0) throw OrderErrors.creationPending(draft.orderReference);
    const order = toOrder(await tx.order.findUniqueOrThrow({ where: { id } }));
    await this.events.write(tx, { order, type: 'order.creation_retried', fromStatus: status, toStatus: 'pending', source: 'api', data: fixedTerms(draft) });
    return order;
  }
}

/** What the merchant fixed, kept in the history (the column `fixedInstalments` is what is read). */
function fixedTerms(draft: PendingOrderDraft): { instalments: number | null } {
  return { instalments: draft.instalments };
}

/** The row `claimNew` inserts, as `claim` would read it back (the columns' defaults included). */
function pendingOrder(id: string, draft: PendingOrderDraft, at: Date): Order {
  return {
    ...draft, id, token: null, fixedInstalments: draft.instalments, status: 'pending', soisyStatus: null, statusDetail: null, apr: null,
    instalmentAmountCents: null, totalRepaymentCents: null, additionalDataNeeded: null, netAmountCents: null, paymentDayOfMonth: null,
    redirectUrl: null, releaseStatus: 'none', releaseAmountCents: null, releaseAt: null, releasedAt: null, releaseAttempts: 0,
    releaseNextAttemptAt: null, releaseLastError: null, releaseResolvedBy: null, lastSyncedAt: null, stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null,
    loanFingerprint: null, approvalFingerprint: null, recoveryNextCheckAt: null, expiryNextCheckAt: null, createdAt: at, updatedAt: at,
  };
}
