import type { ReconciliationReport } from './reconciliation-report.js';
import type { CancelledHereOnlyDto, MismatchDto, OrphanDto, ReconciliationReportDto } from './dto/reconciliation-report.dto.js';

/** The stored report as answered. */
export function reportView(report: ReconciliationReport): ReconciliationReportDto {
  const orphans: OrphanDto[] = report.orphans;
  const mismatches: MismatchDto[] = report.mismatches;
  const cancelledHereOnly: CancelledHereOnlyDto[] = report.cancelledHereOnly;
  return {
    id: report.id,
    startedAt: report.startedAt.toISOString(),
    finishedAt: report.finishedAt.toISOString(),
    requestedBy: report.requestedBy,
    soisyOrders: report.soisyOrders,
    orphanCount: report.orphanCount,
    mismatchCount: report.mismatchCount,
    cancelledHereOnlyCount: report.cancelledHereOnlyCount,
    truncated: orphans.length < report.orphanCount || mismatches.length < report.mismatchCount
      || cancelledHereOnly.length < report.cancelledHereOnlyCount,
    orphans,
    mismatches,
    cancelledHereOnly,
  };
}

export const REPORT_EXAMPLE: ReconciliationReportDto = {
  id: '0f3c8a4e-2b1d-4f6a-9c7e-5d2b1a0e9f88',
  startedAt: '2026-11-29T10:00:00.000Z',
  finishedAt: '2026-11-29T10:00:01.250Z',
  requestedBy: 'scheduler',
  soisyOrders: 1250,
  orphanCount: 1,
  mismatchCount: 1,
  cancelledHereOnlyCount: 1,
  truncated: false,
  orphans: [{ token: 'f0e1d2c3b4a5968778695a4b', orderReference: 'ORD-2025-000123', soisyStatus: 'quote', amount: 100000, createdAt: '2026-11-29T09:58:12.000Z', localStatus: 'pending' }],
  mismatches: [{
    token: 'a1b2c3d4e5f6a7b8c9d0', orderReference: 'ORD-2025-000124', differences: ['status'], localStatus: 'requested',
    soisyStatus: 'request_accepted', amount: 100000, soisyAmount: 100000, netAmount: null, soisyNetAmount: 98000,
  }],
  cancelledHereOnly: [{ token: 'b2c3d4e5f6a7b8c9d0e1', orderReference: 'ORD-2025-000125', soisyStatus: 'request_accepted', amount: 100000 }],
};
