import type { PrismaService } from '../../prisma/prisma.service.js';
import type { OrderEventWriter } from '../order-event-writer.js';
import type { Order, ReleaseStatus } from '../order.js';
import { OrderErrors } from '../orders.errors.js';
import { toOrder } from './order-row.js';

/** What a human established with Soisy about a release in `unknown`. */
export type ReleaseResolutionOutcome = 'released' | 'not_released';

export interface ReleaseResolution {
  outcome: ReleaseResolutionOutcome;
  /** Why (what Soisy said); kept in the event's data. */
  note: string;
  /** The back-office key's name. */
  actor: string;
  now: Date;
}

/**
 * `resolved`: this call settled the release; `repeated`: an earlier call with the same outcome did
 * and nothing changed since; `refused`: the release is in another state (`releaseStatus`).
 */
export type ResolutionResult =
  | { kind: 'resolved' | 'repeated'; order: Order }
  | { kind: 'refused'; releaseStatus: ReleaseStatus };

/** The release state each outcome leaves: `none` may be released (or scheduled) again. */
const RESULT: Record<ReleaseResolutionOutcome, ReleaseStatus> = { released: 'released', not_released: 'none' };

/**
 * A human's resolution of a release whose match-trigger may or may not have reached Soisy
 * (`unknown`, never retried automatically). No call to Soisy here.
 * - `released`: settled as released, event `release.succeeded` (the merchant hears
 *   `order.release.succeeded`, as for a 204).
 * - `not_released`: back to `none`, event `release.failed`; a later release call claims it again
 *   and sends one match-trigger. The attempt counter is kept, so a claim that expired into
 *   `unknown` can never settle the new one (claims are fenced by attempt number).
 */
export class ReleaseResolutionWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: OrderEventWriter,
  ) {}

  resolve(orderId: string, resolution: ReleaseResolution): Promise<ResolutionResult> {
    return this.prisma.$transaction(async (tx) => {
      // The row lock orders this against a late settlement of the expired claim and a concurrent resolution.
      const [locked] = await tx.$queryRaw<{ releaseStatus: ReleaseStatus }[]>`
        SELECT "releaseStatus" FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
      if (!locked) throw OrderErrors.notFound();
      const result = RESULT[resolution.outcome];
      if (locked.releaseStatus !== 'unknown') {
        // Idempotent: the same resolution again, with nothing since, answers the same order.
        const [last] = await tx.$queryRaw<{ resolution: string | null }[]>`
          SELECT data->>'resolution' AS resolution FROM order_events
          WHERE "orderId" = ${orderId}::uuid AND type LIKE 'release.%' ORDER BY "createdAt" DESC, id DESC LIMIT 1`;
        if (locked.releaseStatus === result && last?.resolution === resolution.outcome) {
          return { kind: 'repeated', order: toOrder(await tx.order.findUniqueOrThrow({ where: { id: orderId } })) };
        }
        return { kind: 'refused', releaseStatus: locked.releaseStatus };
      }
      const released = resolution.outcome === 'released';
      const order = toOrder(await tx.order.update({
        where: { id: orderId },
        data: {
          releaseStatus: result,
          releasedAt: released ? resolution.now : null,
          releaseNextAttemptAt: null,
          releaseAt: null,
          releaseLastError: null,
          releaseResolvedBy: resolution.actor,
          updatedAt: resolution.now,
        },
      }));
      await this.events.write(tx, {
        order,
        source: 'api',
        type: released ? 'release.succeeded' : 'release.failed',
        data: { resolution: resolution.outcome, note: resolution.note, attempt: order.releaseAttempts, amount: order.releaseAmountCents },
        actor: resolution.actor,
      });
      return { kind: 'resolved', order };
    });
  }
}
