import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { HealthCheckResult } from '@nestjs/terminus';
import { createTestDatabase } from './support/database.js';
import { jsonOf } from './support/json.js';
import { run, runNode, waitFor200 } from './support/process.js';
import { freePort } from './support/stack.js';

/** The embedded PostgreSQL (WebAssembly) takes over 30 s to boot on a 2-core machine under load. */
const EMBEDDED_BOOT_MS = 75_000;

/**
 * An OpenAPI document as the validator takes it (swagger-parser's own `OpenAPI.Document`, reached through
 * its callback type because `openapi-types` is not a dependency of ours); the validation checks the shape.
 */
type OpenApiDocument = NonNullable<Parameters<SwaggerParser.ApiCallback>[1]>;

/** The built service as `npm start` and the container run it (`npm test` builds first). */
describe('the service process', () => {
  let port: number;
  it('refuses to start on a bad setting, with one line naming it and a non-zero exit code', async () => {
    const service = runNode('dist/main.js', {
      SOISY_BASE_URL: 'https://api.soisy.it/api',
      ADMIN_API_KEYS: 'a-very-secret-admin-key-value',
    });
    const [code] = await once(service.child, 'exit');
    expect(code).not.toBe(0);
    const lines = service.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/SOISY_AUTH_TOKEN/)]);
    expect(service.output()).not.toContain('a-very-secret-admin-key-value');
  });

  it('starts on its embedded database with no server, serves docs, and keeps data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-process-'));
    port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    try {
      const first = runNode('dist/main.js', env);
      try {
        const ready = await waitFor200(`http://127.0.0.1:${port}/health/ready`, EMBEDDED_BOOT_MS);
        expect((await jsonOf<HealthCheckResult>(ready)).status).toBe('ok');
        const doc = await jsonOf<OpenApiDocument>(waitFor200(`http://127.0.0.1:${port}/docs-json`));
        await expect(SwaggerParser.validate(doc)).resolves.toBeDefined();
        await expectRequestLogsWithIdAndWithoutSecrets(first.output);
        expect(await first.stop()).toBe(0);
      } finally {
        await first.stop();
      }
      const second = runNode('dist/main.js', env);
      try {
        await waitFor200(`http://127.0.0.1:${port}/health/ready`, EMBEDDED_BOOT_MS);
        expect(second.output()).not.toMatch(/Applied migrations/);
        expect(await second.stop()).toBe(0);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 2 * EMBEDDED_BOOT_MS + 30_000);

  /** One JSON line per request, tagged with the caller's request id; no secret or personal data. */
  async function expectRequestLogsWithIdAndWithoutSecrets(output: () => string) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/soisy/callbacks/per-order-secret-value`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42', authorization: 'Bearer admin-key-value' },
      body: JSON.stringify({ orderToken: 'nope', fiscalCode: 'RSSMRA85T10A562S', email: 'mario.rossi@example.it' }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-me-42');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = output().split('\n').filter((line) => line.includes('trace-me-42'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line).requestId).toBe('trace-me-42');
    for (const secret of ['per-order-secret-value', 'admin-key-value', 'RSSMRA85T10A562S', 'mario.rossi@example.it']) {
      expect(output()).not.toContain(secret);
    }
  }

  it('starts through the container entrypoint on a PostgreSQL server, migrating before it serves', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const service = run('sh', ['docker-entrypoint.sh'], { DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' });
    try {
      await waitFor200(`http://127.0.0.1:${port}/health/ready`);
      expect(service.output()).toMatch(/^Applied migrations: \d+_init/);
      expect(await service.stop()).toBe(0);
    } finally {
      await service.stop();
      await db.drop();
    }
  }, 60_000);
});
