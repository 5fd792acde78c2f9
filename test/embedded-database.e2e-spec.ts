import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { approvedOrder } from './back-office/support/checkout.js';
import { bearer, successfulMatchTriggers } from './back-office/support/back-office.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * `npm start` runs on the embedded database (PGlite). It serves one connection at a time, so
 * concurrent requests must queue, never see each other's answers or fail.
 */
describe('the service on its embedded database, under concurrent requests', () => {
  let stack: Stack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-embedded-e2e-'));
    stack = await startStack({ DATABASE_URL: '', DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false' });
  }, 90_000);
  afterAll(async () => {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every one of many concurrent calls correctly and releases the order once', async () => {
    const token = await approvedOrder(stack);
    const other = await approvedOrder(stack);

    const releases = Array.from({ length: 12 }, () =>
      request(stack.url).post(`/v1/orders/${token}/release`).set(bearer).send({}),
    );
    const reads = Array.from({ length: 12 }, (_, i) => request(stack.url).get(`/v1/orders/${i % 2 ? token : other}`));
    const answers = await Promise.all([...releases, ...reads]);

    expect(answers.filter((res) => res.status >= 500)).toEqual([]);
    const releaseStatuses = answers.slice(0, 12).map((res) => res.status);
    expect(releaseStatuses.every((status) => status === 200 || status === 409)).toBe(true);
    for (const [i, res] of answers.slice(12).entries()) {
      expect(res.status).toBe(200);
      expect(res.body.token).toBe(i % 2 ? token : other);
    }
    expect(await successfulMatchTriggers(stack, token)).toBe(1);
    expect(await successfulMatchTriggers(stack, other)).toBe(0);
  }, 60_000);
});
