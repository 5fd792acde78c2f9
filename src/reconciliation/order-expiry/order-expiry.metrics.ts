import { Counter } from 'prom-client';
import { metricsRegistry } from '../../metrics/metrics.js';
import type { ExpiryOutcome } from './expiry-verdict.js';

/** One count per abandoned order confirmed with Soisy, by how it ended (`expired`, `moving`, …). */
export const orderExpiryConfirmations = new Counter<'outcome'>({
  name: 'order_expiry_confirmations_total',
  help: 'Abandoned orders this instance confirmed with Soisy, by outcome: expired, moving (Soisy had it further on; synced instead), cancelled, changed (moved meanwhile), failed (Soisy not reachable; retried later)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

export function countConfirmation(outcome: ExpiryOutcome): void {
  orderExpiryConfirmations.inc({ outcome });
}
