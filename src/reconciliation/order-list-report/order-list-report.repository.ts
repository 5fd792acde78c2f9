import { Injectable } from '@nestjs/common';
import type { Prisma, ReconciliationReport as ReportRow } from '../../generated/prisma/client.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import type { LocalOrderFigures } from './order-list-comparison.js';
import type { NewReport, ReconciliationReport } from './reconciliation-report.js';

/** Rows read per query, so a shop with many orders never sends one huge parameter list. */
const CHUNK = 1000;

/** Reads of our orders for the comparison, and the reports (writes to orders: OrdersRepository.mismatches). */
@Injectable()
export class OrderListReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The shop's orders Soisy's list names, by token or by reference, with only the compared fields. */
  async ordersNamedBy(shopId: string, tokens: readonly string[], references: readonly string[]): Promise<LocalOrderFigures[]> {
    const found: LocalOrderFigures[] = [];
    for (let start = 0; start < Math.max(tokens.length, references.length); start += CHUNK) {
      const rows = await this.prisma.order.findMany({
        where: { shopId, OR: [{ token: { in: tokens.slice(start, start + CHUNK) } }, { orderReference: { in: references.slice(start, start + CHUNK) } }] },
        select: { id: true, token: true, orderReference: true, status: true, amountCents: true, netAmountCents: true, statusDetail: true },
      });
      found.push(...rows);
    }
    return [...new Map(found.map((order) => [order.id, order])).values()];
  }

  async save(report: NewReport): Promise<ReconciliationReport> {
    const { orphans, mismatches, cancelledHereOnly, ...figures } = report;
    const json = (entries: readonly object[]) => entries as unknown as Prisma.InputJsonValue;
    const data = { ...figures, orphans: json(orphans), mismatches: json(mismatches), cancelledHereOnly: json(cancelledHereOnly) };
    return toReport(await this.prisma.reconciliationReport.create({ data }));
  }

  async latest(): Promise<ReconciliationReport | null> {
    const row = await this.prisma.reconciliationReport.findFirst({ orderBy: { startedAt: 'desc' } });
    return row ? toReport(row) : null;
  }
}

/** The entries were written by `save` from the domain types, so they are read back as such. */
function toReport(row: ReportRow): ReconciliationReport {
  return {
    ...row,
    orphans: row.orphans as unknown as ReconciliationReport['orphans'],
    mismatches: row.mismatches as unknown as ReconciliationReport['mismatches'],
    cancelledHereOnly: row.cancelledHereOnly as unknown as ReconciliationReport['cancelledHereOnly'],
  };
}
