import { Logger } from '@nestjs/common';
import { CallDeadline, soisyCallBudgetMs } from './soisy-deadline.js';
import { FakeSoisyServer } from './testing/fake-soisy-server.js';
import { gatewayAt, instantRetries } from './testing/gateway-under-test.js';

describe('The budget of one Soisy call', () => {
  it('is the configured budget, or one whole attempt (connect + read timeout) when none is set', () => {
    expect(soisyCallBudgetMs({ connectTimeoutMs: 3_000, timeoutMs: 10_000 })).toBe(13_000);
    expect(soisyCallBudgetMs({ connectTimeoutMs: 3_000, timeoutMs: 10_000, callBudgetMs: 5_000 })).toBe(5_000);
  });

  it('caps the read timeout of an attempt by what remains, and allows a retry only if a connect and a useful read still fit', () => {
    let now = 0;
    const deadline = new CallDeadline(6_000, 1_000, () => now);
    expect(deadline.readTimeoutMs(3_000)).toBe(3_000);
    now = 3_000;
    expect(deadline.allowsAttemptAfter(100, 3_000)).toBe(true);
    now = 3_100;
    expect(deadline.readTimeoutMs(3_000)).toBe(2_900);
    now = 4_800;
    expect(deadline.allowsAttemptAfter(0, 3_000)).toBe(false);
    now = 7_000;
    expect(deadline.remainingMs()).toBe(0);
  });
});

describe('SoisyGateway against a Soisy that never answers', () => {
  let soisy: FakeSoisyServer;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => (soisy = await FakeSoisyServer.start()));
  afterEach(() => soisy.stop());

  it('gives up a GET within its call budget, retries and backoff included, where each attempt alone would take longer', async () => {
    soisy.reply({ hang: true });
    const gateway = gatewayAt(soisy.baseUrl, { ...instantRetries(), sleep: undefined, random: () => 0.5 }, { connectTimeoutMs: 100, timeoutMs: 500, callBudgetMs: 1_000 });
    const started = performance.now();
    await expect(gateway.getLoanQuotes({ amountCents: 120_000, instalments: 12 })).rejects.toMatchObject({ code: 'SOISY.TIMEOUT' });
    // An upper bound with a generous margin: three attempts of 500 ms would need 1,650 ms with their backoff.
    expect(performance.now() - started).toBeLessThan(1_000 + 400);
    expect(soisy.requests.length).toBeGreaterThanOrEqual(1);
  });
});
