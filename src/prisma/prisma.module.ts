import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Database } from './database.js';
import { MigrationHistoryRepository } from './migration-history.repository.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({
  providers: [
    { provide: Database, inject: [AppConfig], useFactory: (config: AppConfig) => Database.open(config) },
    PrismaService,
    MigrationHistoryRepository,
  ],
  exports: [Database, PrismaService, MigrationHistoryRepository],
})
export class PrismaModule {}
