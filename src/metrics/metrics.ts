import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process: what `/metrics` exposes to Prometheus. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests served, by route template, method and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const soisyCallDuration = new Histogram({
  name: 'soisy_call_duration_seconds',
  help: 'Calls to Soisy, by call and outcome (HTTP status, or the transport failure)',
  labelNames: ['call', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});
