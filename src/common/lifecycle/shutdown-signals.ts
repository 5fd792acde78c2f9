import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GracefulShutdown } from './graceful-shutdown.js';

/** Time allowed after the drain for Nest's close (jobs, callback confirmations, agents, pool, database). */
const CLOSE_ALLOWANCE_MS = 5_000;

/**
 * SIGTERM or SIGINT: drain (GracefulShutdown), then `app.close()` (module-destroy hooks, the HTTP
 * server, then the Soisy agents, the database pool and the embedded database), then exit 0. Nest's
 * own signal hooks are not used: they close the modules before the HTTP server has drained. A
 * second signal, or a close that hangs past the grace period plus CLOSE_ALLOWANCE_MS, exits 1 at once.
 */
export function stopGracefullyOnSignals(app: NestFastifyApplication, graceSeconds: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without finishing the drain`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: stopping gracefully`);
    setTimeout(() => {
      logger.error('Shutdown did not finish in time: exiting');
      process.exit(1);
    }, graceSeconds * 1000 + CLOSE_ALLOWANCE_MS).unref();
    void stop(app)
      .then(() => logger.log('Stopped'))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exitCode = 1;
      })
      .finally(() => {
        // Nothing should be left running; a stray handle (a library's timer) must not keep the
        // process alive past the orchestrator's patience.
        setTimeout(() => process.exit(), 1_000).unref();
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function stop(app: NestFastifyApplication): Promise<void> {
  await app.get(GracefulShutdown).drain(app.getHttpServer());
  await app.close();
}
