import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../../src/config/load-config.js';
import { createApp } from '../../../src/create-app.js';
import { ADMIN_KEY, type Stack } from '../../support/stack.js';
import { BACK_OFFICE_ENV, type FakeClock } from './back-office.js';

export interface Instance {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Another replica of the service: same database, same Soisy (emulator), same clock, its own port; `env` overrides its settings. */
export async function startSecondInstance(stack: Stack, clock: FakeClock, env: Record<string, string> = {}): Promise<Instance> {
  const config = loadConfig({
    ...BACK_OFFICE_ENV,
    LOG_LEVEL: 'silent',
    DATABASE_URL: stack.db.url,
    PUBLIC_BASE_URL: stack.url,
    SOISY_BASE_URL: stack.emulator.apiUrl,
    SOISY_AUTH_TOKEN: 'partnerkey',
    SOISY_TIMEOUT_MS: '2000',
    ADMIN_API_KEYS: ADMIN_KEY,
    ...env,
  });
  const app = await createApp(config, { clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
