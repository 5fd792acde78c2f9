import type { IdempotencyRecord } from '../../generated/prisma/client.js';
import { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { IdempotencyRepository } from './idempotency.repository.js';
import { ABANDONED_AFTER_MS, IDEMPOTENCY_KEY_LIFETIME_MS, IdempotencyService, Replayed } from './idempotency.service.js';

const T0 = new Date('2026-11-22T10:00:00Z');

function sutWith(record: Partial<IdempotencyRecord> | null, ageMs: number) {
  const deleted: string[] = [];
  const records = {
    find: async () => (record ? ({ createdAt: T0, requestHash: 'same', responseStatus: null, responseBody: null, ...record } as IdempotencyRecord) : null),
    delete: async (_tx: unknown, { key }: { key: string }) => void deleted.push(key),
  } as unknown as IdempotencyRepository;
  const clock: Clock = { now: () => new Date(T0.getTime() + ageMs) };
  const sut = new IdempotencyService(records, clock);
  return { sut, deleted, request: sut.identify('orders.create', 'key-1', { method: 'POST', route: '/v1/orders', body: {} }) };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: AppError) => error.code,
  );

describe('IdempotencyService.lookup', () => {
  it('lets a first use of a key go ahead', async () => {
    const { sut, request } = sutWith(null, 0);
    expect(await sut.lookup(request)).toBeUndefined();
  });

  it('replays the stored answer of a completed request with the same body', async () => {
    const { sut, request } = sutWith({ responseStatus: 201, responseBody: { token: 't' } }, 1000);
    const replay = await sut.lookup({ ...request, fingerprint: 'same' });
    expect(replay).toEqual(new Replayed(201, { token: 't' }));
  });

  it('refuses the same key with another body (422) and a key still running (409)', async () => {
    const mismatch = sutWith({ requestHash: 'other', responseStatus: 201 }, 1000);
    expect(await code(mismatch.sut.lookup({ ...mismatch.request, fingerprint: 'same' }))).toBe('IDEMPOTENCY.KEY_REUSED');
    const running = sutWith({}, 1000);
    expect(await code(running.sut.lookup({ ...running.request, fingerprint: 'same' }))).toBe('IDEMPOTENCY.IN_PROGRESS');
  });

  it('forgets a record left in progress by a process that died, but only after the grace time', async () => {
    const young = sutWith({}, ABANDONED_AFTER_MS - 1);
    expect(await code(young.sut.lookup({ ...young.request, fingerprint: 'same' }))).toBe('IDEMPOTENCY.IN_PROGRESS');
    const old = sutWith({}, ABANDONED_AFTER_MS + 1);
    expect(await old.sut.lookup({ ...old.request, fingerprint: 'same' })).toBeUndefined();
    expect(old.deleted).toEqual(['key-1']);
  });

  it('forgets a completed key after 24 hours, so it may be used again', async () => {
    const { sut, request, deleted } = sutWith({ responseStatus: 201, responseBody: {} }, IDEMPOTENCY_KEY_LIFETIME_MS + 1);
    expect(await sut.lookup({ ...request, fingerprint: 'same' })).toBeUndefined();
    expect(deleted).toEqual(['key-1']);
  });
});
