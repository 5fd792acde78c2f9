import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../../metrics/metrics.js';

export const orderListReportLastRun = new Gauge({
  name: 'reconciliation_order_list_last_run_timestamp_seconds',
  help: "When the latest comparison with Soisy's order list started (Unix time, seconds), whichever replica made it",
  registers: [metricsRegistry],
});

export const orderListReportOrphans = new Gauge({
  name: 'reconciliation_order_list_orphans',
  help: "Orders Soisy has that this service does not know, in the latest report",
  registers: [metricsRegistry],
});

export const orderListReportMismatches = new Gauge({
  name: 'reconciliation_order_list_mismatches',
  help: "Orders whose status or amounts differ from Soisy's order list, in the latest report",
  registers: [metricsRegistry],
});

export const orderListReportCancelledHereOnly = new Gauge({
  name: 'reconciliation_order_list_cancelled_here_only',
  help: "Orders the merchant cancelled here that Soisy's order list still shows open (to cancel through Soisy partner support), in the latest report",
  registers: [metricsRegistry],
});

export const orderListReportRuns = new Counter({
  name: 'reconciliation_order_list_runs_total',
  help: "Comparisons with Soisy's order list made by this instance, by outcome (completed, failed)",
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** The gauges from a report (on each run here, and at start from the database, so every replica shows the latest). */
export function showReport(report: { startedAt: Date; orphanCount: number; mismatchCount: number; cancelledHereOnlyCount: number }): void {
  orderListReportLastRun.set(report.startedAt.getTime() / 1000);
  orderListReportOrphans.set(report.orphanCount);
  orderListReportMismatches.set(report.mismatchCount);
  orderListReportCancelledHereOnly.set(report.cancelledHereOnlyCount);
}
