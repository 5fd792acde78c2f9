import type { CancelledHereOnly, Mismatch, Orphan } from './order-list-comparison.js';

/** A mismatch as a report keeps it: what finds the order, never our internal id. */
export type ReportedMismatch = Omit<Mismatch, 'orderId'>;

/** One stored comparison of Soisy's order list with ours (Prisma's row stays in the repository). */
export interface ReconciliationReport {
  id: string;
  startedAt: Date;
  finishedAt: Date;
  /** `scheduler`, or the back-office key's name that asked for it (never the key). */
  requestedBy: string;
  soisyOrders: number;
  orphanCount: number;
  mismatchCount: number;
  cancelledHereOnlyCount: number;
  /** At most REPORT_ENTRIES_LIMIT entries each; the counts are complete. */
  orphans: Orphan[];
  mismatches: ReportedMismatch[];
  /** Merchant cancellations Soisy has not cancelled yet (expected: Soisy has no cancel call). */
  cancelledHereOnly: CancelledHereOnly[];
}

export type NewReport = Omit<ReconciliationReport, 'id'>;
