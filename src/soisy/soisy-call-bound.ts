import type { SoisyConfig } from '../config/app-config.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './soisy-retry.js';

/**
 * The longest one gateway call can take, retries and their waits included (ms): every attempt
 * may spend a connect timeout and a read timeout. Work that must not overlap a call still running
 * elsewhere (deciding a lost creation, taking over a callback's confirmation) waits this long.
 */
export function soisyCallBoundMs(config: Pick<SoisyConfig, 'connectTimeoutMs' | 'timeoutMs'>, retry: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const attempts = retry.retries + 1;
  return attempts * (config.connectTimeoutMs + config.timeoutMs) + retry.retries * retry.maxDelayMs;
}
