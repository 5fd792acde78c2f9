import type { SoisyOrderListEntry } from '../../soisy/index.js';

/** A pending order whose create-order answer never arrived, as recovery needs to see it. */
export interface LostCreation {
  orderReference: string;
  amountCents: number;
  /** When the attempt started: Soisy's order for it cannot be older (beyond clock skew). */
  creationStartedAt: Date;
}

export type LostCreationMatch =
  | { kind: 'found'; entry: SoisyOrderListEntry }
  /** Several of Soisy's orders fit: adopting one could pick the wrong order, a human decides. */
  | { kind: 'ambiguous'; count: number }
  | { kind: 'missing' };

/** How far Soisy's clock and ours may disagree when comparing its `createdAt` with our attempt's start. */
export const SOISY_CLOCK_SKEW_MS = 60_000;

/**
 * The Soisy order a lost creation made: the list's entries with the same reference and amount,
 * created no earlier than the attempt (an older order with that reference belongs to an earlier
 * attempt or another channel), and not already linked to a local order (`tokensInUse`).
 */
export function matchLostCreation(lost: LostCreation, entries: readonly SoisyOrderListEntry[], tokensInUse: ReadonlySet<string>): LostCreationMatch {
  const earliest = lost.creationStartedAt.getTime() - SOISY_CLOCK_SKEW_MS;
  const candidates = entries.filter(
    (entry) =>
      entry.orderReference === lost.orderReference &&
      !tokensInUse.has(entry.token) &&
      (entry.amountCents === undefined || entry.amountCents === lost.amountCents) &&
      (entry.createdAt === undefined || entry.createdAt.getTime() >= earliest),
  );
  if (candidates.length === 1) return { kind: 'found', entry: candidates[0] };
  if (candidates.length > 1) return { kind: 'ambiguous', count: candidates.length };
  return { kind: 'missing' };
}

/**
 * Soisy's absence is established only by a list read once the attempt's call could no longer be
 * running (`creationEndsBy`) and Soisy has had `absentAfterMs` more to finish a call it received late.
 */
export function absenceEstablished(listReadAt: Date, creationEndsBy: Date, absentAfterMs: number): boolean {
  return listReadAt >= absenceEstablishedFrom(creationEndsBy, absentAfterMs);
}

/** From when a list without the order establishes its absence: `absentAfterMs` after its call ended. */
export function absenceEstablishedFrom(creationEndsBy: Date, absentAfterMs: number): Date {
  return new Date(creationEndsBy.getTime() + absentAfterMs);
}
