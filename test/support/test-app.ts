import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase, TestDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** The server supertest talks to. */
  server: NestFastifyApplication['getHttpServer'] extends () => infer S ? S : never;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application on a fresh PostgreSQL database of its own, configured from `env` exactly as
 * `main.ts` would be from the process environment.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...env });
    const app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      server: app.getHttpServer(),
      db,
      close: async () => {
        await app.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}
