import { randomUUID } from 'node:crypto';
import { Prisma, type Order as OrderRow } from '../../generated/prisma/client.js';
import { PREPARED } from '../../prisma/prepared-statements.js';
import type { PrismaService } from '../../prisma/prisma.service.js';
import { untilCommitted } from '../../prisma/until-committed.js';
import { canTransition } from '../order-lifecycle.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { CheckoutStep, Order } from '../order.js';
import { CLAIMABLE_STATUSES, STEP_CLAIM_LEASE_MS, type StepClaim } from '../step-claim.js';
import { ORDER_COLUMNS, storedAsGiven } from './order-columns.js';
import { toOrder, type Tx } from './order-row.js';
import { noStepInFlight } from './no-step-in-flight.js';
import type { OrderTransitions, Transition } from './order-transitions.js';

/** A won claim, the order as the claim left it, and that row version (PostgreSQL's `xmin`). */
export interface ClaimedStep {
  claim: StepClaim;
  order: Order;
  /**
   * The row's version right after the claim: every later UPDATE of the row (a callback, the sync
   * job, a cancellation) makes a new one, so `complete` can tell in its WHERE clause that the row
   * is still exactly `order`.
   */
  rowVersion: string;
}

/** An Order column name, as the patch keys of a Transition are (checked before they become SQL). */
const COLUMN = /^[A-Za-z]+$/;

/**
 * Who may call Soisy for a loan request or an approval is decided here, by the database: a claim is
 * a conditional UPDATE that only one transaction can win (PostgreSQL re-checks the WHERE clause on
 * the row a concurrent winner committed), committed before Soisy is called. Replicas on one
 * database are therefore safe without any in-process lock; a claim whose holder died expires.
 */
export class StepClaimWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
    private readonly transitions: OrderTransitions,
  ) {}

  /**
   * Wins the order for `step` when no live claim holds it and its status allows the step, and reads
   * the row back in the same statement (issue 10: no second round trip); else undefined.
   */
  async claim(orderId: string, step: CheckoutStep, now: Date): Promise<ClaimedStep | undefined> {
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + STEP_CLAIM_LEASE_MS);
    const [row] = await this.prisma.statement<OrderRow & { rowVersion: string }>(Prisma.sql`${PREPARED}
      UPDATE orders SET "stepClaim" = ${step}::"CheckoutStep", "stepClaimId" = ${id}::uuid, "stepClaimExpiresAt" = ${expiresAt}
      WHERE id = ${orderId}::uuid AND ${noStepInFlight(now)}
        AND status::text = ANY(${CLAIMABLE_STATUSES[step]})
      RETURNING ${ORDER_COLUMNS}, xmin::text AS "rowVersion"`);
    if (!row) return undefined;
    const { rowVersion, ...columns } = row;
    return { claim: { orderId, step, id }, order: toOrder(columns), rowVersion };
  }

  /**
   * The step's outcome (`transition`, with Soisy's figures in its patch) and the claim's end,
   * committed together. In ONE statement when no one has written the row since the claim (the
   * common case, issue 10: it was an interactive transaction of eight round trips); else in
   * OrderTransitions.transition's transaction, which locks the row and decides on what it finds
   * (a callback that applied the decision first: `alreadyAppliedIn`; else ORDER.ILLEGAL_TRANSITION).
   * Tried again (3 more times) while the database refuses it without committing (untilCommitted).
   */
  async complete(claimed: ClaimedStep, transition: Transition): Promise<Order> {
    return untilCommitted(async () => (await this.completeInOneStatement(claimed, transition))
      ?? this.transitions.transition(claimed.claim.orderId, transition, (tx) => this.release(claimed.claim, tx)));
  }

  /**
   * Frees the claim, if it is still this one (a holder whose lease expired and was taken over must
   * not free its successor's). Inside `tx` when the step's outcome commits with it.
   */
  async release(claim: StepClaim, tx?: Tx): Promise<void> {
    await (tx ?? this.prisma).$executeRaw`
      UPDATE orders SET "stepClaim" = NULL, "stepClaimId" = NULL, "stepClaimExpiresAt" = NULL
      WHERE id = ${claim.orderId}::uuid AND "stepClaimId" = ${claim.id}::uuid`;
  }

  /**
   * The transition's UPDATE (patch, status, claim freed) guarded by the row version, with its event
   * and merchant event (OrderEventWriter.statement). The guard makes it the transaction's result
   * exactly: the row is `claimed.order`, so `done` is what the UPDATE leaves and what the merchant
   * event's view shows. Undefined, having written nothing, when the guard fails, the transition is
   * not plainly allowed from the claimed status, or a value would not be stored as given (an APR
   * with more decimals than its column): `complete` then takes the transaction.
   *
   * The guard also covers events: OrderEventWriter.write makes a new row version for every event it
   * writes, so an event committed (or still open) since the claim fails it, and the history this
   * statement reads for the merchant event cannot miss one.
   */
  private async completeInOneStatement({ claim, order, rowVersion }: ClaimedStep, transition: Transition): Promise<Order | undefined> {
    if (!canTransition(order.status, transition.to)) return undefined;
    // As Prisma's update does, an undefined field is left as it is.
    const patch = Object.fromEntries(Object.entries(transition.patch ?? {}).filter(([, value]) => value !== undefined));
    if (!Object.entries(patch).every(([column, value]) => storedAsGiven(column, value))) return undefined;
    const at = new Date(); // as Prisma's @updatedAt would set it
    const done: Order = { ...order, ...patch, status: transition.to, stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null, updatedAt: at };
    const assignments = Object.entries(patch).map(([column, value]) => {
      if (!COLUMN.test(column)) throw new Error(`not an order column: ${column}`);
      return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
    });
    const { type, source, data, actor } = transition;
    const event = this.events.statement('changed', { order: done, type, source, data, actor, fromStatus: order.status, toStatus: transition.to }, { prefix: 'settled', at });
    const [row] = await this.prisma.statement<{ done: boolean }>(Prisma.sql`${PREPARED}
      WITH changed AS (
        UPDATE orders SET ${Prisma.join([...assignments, Prisma.sql`status = ${transition.to}::"OrderStatus"`])},
          "stepClaim" = NULL, "stepClaimId" = NULL, "stepClaimExpiresAt" = NULL, "updatedAt" = ${at}
        WHERE id = ${claim.orderId}::uuid AND "stepClaimId" = ${claim.id}::uuid AND xmin = ${rowVersion}::xid
        RETURNING id),
      ${event}
      SELECT EXISTS (SELECT 1 FROM changed) AS done`);
    return row?.done ? done : undefined;
  }
}
