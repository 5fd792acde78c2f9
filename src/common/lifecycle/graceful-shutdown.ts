import type { Server } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../../config/app-config.js';
import { IntervalJob } from '../scheduling/interval-job.js';
import { DrainState } from './drain-state.js';

export interface DrainOutcome {
  /** Everything in flight finished within the grace period (nothing was cut). */
  completed: boolean;
  /** Responses and handlers (one request counts as both) still open when the grace period ended. */
  cut: number;
}

/**
 * The first half of a graceful stop, before Nest's own `app.close()`: readiness turns 503 and new
 * requests are refused at once (DrainState), the scheduled jobs stop claiming work, and what is in
 * flight (requests, their Soisy calls and database writes, a job's claimed batch) gets up to
 * SHUTDOWN_GRACE_SECONDS to finish. Only after this may the Soisy agents and the database close.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly state: DrainState,
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async drain(server: Server): Promise<DrainOutcome> {
    this.state.beginDrain();
    this.logger.log(`Draining for up to ${this.config.shutdownGraceSeconds} s: ${this.state.pending} responses and handlers in flight`);
    const finished = Promise.all([this.state.idle(), ...this.intervalJobs().map((job) => job.drain())]);
    const completed = await withinMs(finished, this.config.shutdownGraceSeconds * 1000);
    if (completed) return { completed, cut: 0 };
    const cut = this.state.pending;
    this.logger.warn(`Grace period over with ${cut} responses and handlers in flight: closing every connection`);
    server.closeAllConnections();
    return { completed, cut };
  }

  private intervalJobs(): IntervalJob[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is IntervalJob => instance instanceof IntervalJob);
  }
}

async function withinMs(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
