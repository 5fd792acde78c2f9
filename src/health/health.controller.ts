import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health.js';
import { DrainHealth } from './drain.health.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly drain: DrainHealth,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Not shutting down, and the database answers and its schema is current: safe to route traffic here. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.drain.check(), () => this.database.check()]);
  }
}
