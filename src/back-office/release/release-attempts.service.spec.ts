import { SystemClock } from '../../common/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import type { OrdersRepository } from '../../orders/orders.repository.js';
import type { ReleaseClaim, Settlement } from '../../orders/release-claim.js';
import { SoisyError, type SoisyGateway } from '../../soisy/index.js';
import { ReleaseAttemptsService } from './release-attempts.service.js';

const config = { scheduler: { releaseMaxAttempts: 3, releaseRetryBaseSeconds: 60 } } as unknown as AppConfig;
const claim = (attempt: number): ReleaseClaim => ({ id: 'o1', token: 'tok', amountCents: 100000, attempt, source: 'scheduler', actor: null });
const soisyError = (outcomeUnknown: boolean, code = 'SOISY.UPSTREAM_ERROR') =>
  new SoisyError('upstream', code as never, 'detail', 'matchTrigger', outcomeUnknown, 500);

function sutWith(matchTrigger: () => Promise<void>) {
  const settled: Settlement[] = [];
  const releases = { settle: async (_claim: ReleaseClaim, settlement: Settlement) => (settled.push(settlement), { id: 'o1' }) };
  const sut = new ReleaseAttemptsService({ matchTrigger } as unknown as SoisyGateway, { releases } as unknown as OrdersRepository, new SystemClock(), config);
  return { sut, settled };
}

describe('one release attempt', () => {
  it('is released when Soisy accepts the match-trigger', async () => {
    const { sut, settled } = sutWith(async () => undefined);
    await sut.attempt(claim(1));
    expect(settled).toEqual([expect.objectContaining({ status: 'released', eventType: 'release.succeeded' })]);
  });

  it('is retried later when Soisy provably did not act', async () => {
    const { sut, settled } = sutWith(async () => Promise.reject(soisyError(false, 'SOISY.UNREACHABLE')));
    await sut.attempt(claim(1));
    expect(settled[0]).toMatchObject({ status: 'scheduled', eventType: 'release.attempt_failed', lastError: expect.stringContaining('SOISY.UNREACHABLE') });
    expect(settled[0].nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 59_000);
  });

  it('fails for good on the last allowed attempt', async () => {
    const { sut, settled } = sutWith(async () => Promise.reject(soisyError(false)));
    await sut.attempt(claim(3));
    expect(settled[0]).toMatchObject({ status: 'failed', eventType: 'release.failed' });
  });

  it('is parked as unknown, never retried, when Soisy may have acted or the error is not Soisy\'s', async () => {
    for (const error of [soisyError(true), new Error('boom')]) {
      const { sut, settled } = sutWith(async () => Promise.reject(error));
      await sut.attempt(claim(1));
      expect(settled[0]).toMatchObject({ status: 'unknown', eventType: 'release.outcome_unknown' });
      expect(settled[0].nextAttemptAt).toBeUndefined();
    }
  });
});
