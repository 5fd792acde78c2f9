import { Counter } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics.js';

export const personalDataErasedOrders = new Counter({
  name: 'retention_personal_data_erased_orders_total',
  help: 'Orders whose personal data this instance erased after PERSONAL_DATA_RETENTION_DAYS',
  registers: [metricsRegistry],
});

export const expiredIdempotencyRecordsDeleted = new Counter({
  name: 'retention_idempotency_records_deleted_total',
  help: 'Idempotency records older than PERSONAL_DATA_RETENTION_DAYS deleted by this instance',
  registers: [metricsRegistry],
});
