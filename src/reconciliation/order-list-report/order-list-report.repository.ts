import { Injectable } from '@nestjs/common';
import type { Prisma, ReconciliationReport } from '../../generated/prisma/client.js';
import { PrismaService } from '../../prisma/prisma.service.js';
import type { LocalOrderFigures } from './order-list-comparison.js';

/** Rows read per query, so a shop with many orders never sends one huge parameter list. */
const CHUNK = 1000;

export type NewReport = Omit<ReconciliationReport, 'id' | 'orphans' | 'mismatches'> & {
  orphans: Prisma.InputJsonValue;
  mismatches: Prisma.InputJsonValue;
};

/** Reads of our orders for the comparison, and the reports (no writes to orders: see *.order-writes.ts). */
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

  save(report: NewReport): Promise<ReconciliationReport> {
    return this.prisma.reconciliationReport.create({ data: report });
  }

  latest(): Promise<ReconciliationReport | null> {
    return this.prisma.reconciliationReport.findFirst({ orderBy: { startedAt: 'desc' } });
  }
}
