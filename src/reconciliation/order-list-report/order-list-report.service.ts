import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import type { EventSource } from '../../orders/order.js';
import { OrdersRepository } from '../../orders/orders.repository.js';
import { afterLongestCall, SoisyGateway } from '../../soisy/index.js';
import { JobLeaseRepository } from './job-lease.repository.js';
import { compareOrderList, type Comparison, type Mismatch, mismatchDetail } from './order-list-comparison.js';
import { OrderListReportErrors } from './order-list-report.errors.js';
import { orderListReportRuns, showReport } from './order-list-report.metrics.js';
import { OrderListReportRepository } from './order-list-report.repository.js';
import type { ReconciliationReport } from './reconciliation-report.js';

const LEASE = 'reconciliation.order-list';
/** Beyond the Soisy call, time for the writes of a large shop's flags and the report. */
const WRITES_MARGIN_MS = 120_000;
/** Entries listed per kind in a stored report; the counts are always complete. */
export const REPORT_ENTRIES_LIMIT = 1000;

/** Who asked for a report: the scheduler, or a back-office key's name. */
export interface ReportTrigger {
  /** `scheduler`, or the back-office key's name (kept on the report). */
  requestedBy: string;
  source: EventSource;
  /** The back-office key's name on an on-demand run, recorded on the events it writes; absent for the scheduler. */
  actor?: string;
}

/**
 * Compares Soisy's order list with our orders and stores the report: orphans (Soisy has them, we
 * do not), mismatches (status or amounts differ; also set on the order's statusDetail unless it holds
 * a detail of another kind, and cleared by a later report that finds it agreeing) and merchant
 * cancellations Soisy has not cancelled yet (expected, listed apart, nothing set on the order). One run at a time across replicas (a lease);
 * no transaction is held across the Soisy call.
 */
@Injectable()
export class OrderListReportService {
  private readonly logger = new Logger('OrderListReport');

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly soisy: SoisyGateway,
    private readonly leases: JobLeaseRepository,
    private readonly reports: OrderListReportRepository,
    private readonly orders: OrdersRepository,
  ) {}

  /** On demand: a report now. 409 RECONCILIATION.RUN_IN_PROGRESS while another runs; Soisy's failures as SoisyError (502/504). */
  async runNow(trigger: ReportTrigger): Promise<ReconciliationReport> {
    const report = await this.underLease(trigger, async () => true);
    if (report) return report;
    const until = await this.leases.heldUntil(LEASE, this.clock.now());
    throw OrderListReportErrors.runInProgress(until ? (until.getTime() - this.clock.now().getTime()) / 1000 : 1);
  }

  /** Scheduled: a report when the latest is older than the interval and no other replica is making one. */
  async runIfDue(trigger: ReportTrigger): Promise<ReconciliationReport | undefined> {
    // Read first, so a tick with nothing due writes nothing; checked again under the lease, since
    // another replica may have made the report in between.
    const latest = await this.reports.latest();
    if (latest) showReport(latest);
    if (!this.isDue(latest)) return undefined;
    return this.underLease(trigger, async () => this.isDue(await this.reports.latest()));
  }

  private isDue(latest: ReconciliationReport | null): boolean {
    const intervalMs = this.config.orderListReconciliation.intervalMinutes * 60_000;
    return !latest || this.clock.now().getTime() - latest.startedAt.getTime() >= intervalMs;
  }

  async latest(): Promise<ReconciliationReport> {
    const report = await this.reports.latest();
    if (!report) throw OrderListReportErrors.noReport();
    return report;
  }

  /** Runs the comparison while holding the lease; undefined when the lease is taken or `due` says no. */
  private async underLease(trigger: ReportTrigger, due: () => Promise<boolean>): Promise<ReconciliationReport | undefined> {
    const holder = randomUUID();
    const now = this.clock.now();
    const until = new Date(afterLongestCall(this.config.soisy, now).getTime() + WRITES_MARGIN_MS);
    if (!(await this.leases.acquire(LEASE, holder, now, until))) return undefined;
    try {
      if (!(await due())) return undefined;
      const report = await this.compare(trigger, now);
      orderListReportRuns.inc({ outcome: 'completed' });
      showReport(report);
      return report;
    } catch (error) {
      orderListReportRuns.inc({ outcome: 'failed' });
      throw error;
    } finally {
      await this.leases.release(LEASE, holder);
    }
  }

  private async compare(trigger: ReportTrigger, startedAt: Date): Promise<ReconciliationReport> {
    const entries = await this.soisy.listOrders();
    const references = entries.flatMap((entry) => (entry.orderReference ? [entry.orderReference] : []));
    const local = await this.reports.ordersNamedBy(this.config.soisy.shopId, entries.map((entry) => entry.token), references);
    const comparison = compareOrderList(entries, local);
    await this.flag(comparison, trigger);
    const report = await this.reports.save({
      startedAt,
      finishedAt: this.clock.now(),
      requestedBy: trigger.requestedBy,
      soisyOrders: entries.length,
      orphanCount: comparison.orphans.length,
      mismatchCount: comparison.mismatches.length,
      cancelledHereOnlyCount: comparison.cancelledHereOnly.length,
      orphans: comparison.orphans.slice(0, REPORT_ENTRIES_LIMIT).map((orphan) => ({ ...orphan })),
      mismatches: comparison.mismatches.slice(0, REPORT_ENTRIES_LIMIT).map(withoutOrderId),
      cancelledHereOnly: comparison.cancelledHereOnly.slice(0, REPORT_ENTRIES_LIMIT).map((entry) => ({ ...entry })),
    });
    this.logger.log({ soisyOrders: entries.length, orphans: report.orphanCount, mismatches: report.mismatchCount, cancelledHereOnly: report.cancelledHereOnlyCount, requestedBy: trigger.requestedBy }, 'Order list reconciled');
    return report;
  }

  /** Each mismatch on its order's statusDetail; a mismatch flagged earlier and now agreeing, cleared. */
  private async flag({ mismatches, agreeing }: Comparison, { source, actor }: ReportTrigger): Promise<void> {
    for (const mismatch of mismatches) {
      const event = { source, type: 'reconciliation.mismatch', data: withoutOrderId(mismatch), actor };
      await this.orders.mismatches.flag(mismatch.orderId, mismatchDetail(mismatch), event);
    }
    for (const order of agreeing.filter((candidate) => candidate.statusDetail !== null)) {
      await this.orders.mismatches.clear(order.id, { source, type: 'reconciliation.mismatch_resolved', actor });
    }
  }
}

function withoutOrderId({ orderId: _id, ...mismatch }: Mismatch) {
  return { ...mismatch, differences: [...mismatch.differences] };
}
