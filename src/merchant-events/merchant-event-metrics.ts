import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics.js';

export const merchantEventDeliveries = new Counter({
  name: 'merchant_event_deliveries_total',
  help: 'Merchant event POSTs, by outcome: delivered, retry (failed, will be retried), failed (given up)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const merchantEventDeliveryLag = new Histogram({
  name: 'merchant_event_delivery_lag_seconds',
  help: 'From an event\'s creation to its delivery to an endpoint (retries included)',
  buckets: [0.5, 1, 2.5, 5, 15, 60, 300, 1800, 3600, 6 * 3600, 24 * 3600, 72 * 3600],
  registers: [metricsRegistry],
});

export const merchantEventQueueDepth = new Gauge({
  name: 'merchant_event_queue_depth',
  help: 'Deliveries waiting to be sent or retried, as seen by this instance\'s last delivery run',
  registers: [metricsRegistry],
});
