import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health.js';
import { LivenessDocs, ReadinessDocs } from './health.api-docs.js';
import { DrainHealth } from './drain.health.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly drain: DrainHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  @LivenessDocs()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ReadinessDocs()
  ready() {
    return this.health.check([() => this.drain.check(), () => this.database.check()]);
  }
}
