import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Database } from '../prisma/database.js';
import { MigrationHistoryRepository } from '../prisma/migration-history.repository.js';

/** Ready = the database answers and every migration this build ships is applied. */
@Injectable()
export class DatabaseHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly database: Database,
    private readonly history: MigrationHistoryRepository,
  ) {}

  async check() {
    const indicator = this.indicators.check('database');
    let applied: Set<string>;
    try {
      applied = await this.history.appliedNames();
    } catch {
      return indicator.down({ message: 'database unreachable' });
    }
    const pending = this.database.migrationNames.filter((name) => !applied.has(name));
    return pending.length === 0
      ? indicator.up({ migrations: applied.size })
      : indicator.down({ message: 'migrations pending', pending });
  }
}
