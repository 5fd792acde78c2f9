import type { AppConfig, SoisyConfig } from '../../config/app-config.js';
import type { RetryPolicy } from '../soisy-retry.js';
import { SoisyGateway } from '../soisy.gateway.js';

/** Looks like a credential, so a spec can prove it never leaks. */
export const TEST_AUTH_TOKEN = 'tok-7f3a9c-secret';
export const TEST_SHOP_ID = 'partnershop';

/** Retries that do not wait; `sleeps` records each backoff the gateway asked for. */
export function instantRetries(sleeps: number[] = []): RetryPolicy {
  return { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) };
}

export function gatewayAt(baseUrl: string, retry: RetryPolicy = instantRetries(), soisy: Partial<SoisyConfig> = {}): SoisyGateway {
  const config = {
    soisy: { baseUrl, shopId: TEST_SHOP_ID, authToken: TEST_AUTH_TOKEN, connectTimeoutMs: 1_000, timeoutMs: 1_000, callBudgetMs: 6_000, ...soisy },
  } as AppConfig;
  return new SoisyGateway(config, retry);
}
