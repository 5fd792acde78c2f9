import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';

@Injectable()
export class MigrationHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Migrations recorded as applied; throws when the database cannot be reached. */
  async appliedNames(): Promise<Set<string>> {
    const rows = await this.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  }
}
