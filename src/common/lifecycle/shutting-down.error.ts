import { AppError, retryAfter } from '../errors/app-error.js';

/** Another replica (or this one, restarted) can take the request at once. */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 1;

/** A request that arrived after SIGTERM: refused, so the drain only waits for work already started. */
export class ServiceShuttingDown extends AppError {
  constructor() {
    super('unavailable', 'SERVICE.SHUTTING_DOWN', 'This instance is shutting down; retry the request.', {}, [], retryAfter(SHUTDOWN_RETRY_AFTER_SECONDS));
  }
}
