import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DrainState } from '../common/lifecycle/drain-state.js';

/** Not ready once a graceful shutdown has begun, so the load balancer stops routing here at once. */
@Injectable()
export class DrainHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly drain: DrainState,
  ) {}

  check() {
    const indicator = this.indicators.check('lifecycle');
    return this.drain.draining ? indicator.down({ message: 'shutting down' }) : indicator.up();
  }
}
