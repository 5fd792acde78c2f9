import { createServer } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startEmulator, type EmulatorOptions, type LoggedCall, type RunningEmulator } from '../../src/emulator/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { AppPorts } from '../../src/app.module.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { jsonOf } from './json.js';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface Stack {
  /** The service, listening on a real port so the emulator's callbacks reach it. */
  app: NestFastifyApplication;
  /** The service's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  emulator: RunningEmulator;
  db: TestDatabase;
  /** The emulator's log of API calls received (what reached "Soisy"). */
  soisyCalls(): Promise<LoggedCall[]>;
  close(): Promise<void>;
}

/**
 * The whole system as a merchant runs it: the service on a PostgreSQL database of its own, talking
 * over real HTTP to a Soisy emulator started in this process.
 */
export async function startStack(
  env: Record<string, string> = {},
  emulatorOptions: Partial<EmulatorOptions> = {},
  ports: AppPorts = {},
): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, ...emulatorOptions });
  const db = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    SOISY_BASE_URL: emulator.apiUrl,
    SOISY_AUTH_TOKEN: 'partnerkey',
    SOISY_TIMEOUT_MS: '2000',
    ADMIN_API_KEYS: ADMIN_KEY,
    ...env,
  });
  const app = await createApp(config, ports);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    url,
    emulator,
    db,
    soisyCalls: () => jsonOf<LoggedCall[]>(fetch(`${emulator.url}/__emulator/requests`)),
    close: async () => {
      await app.close();
      await emulator.close();
      await db.drop();
    },
  };
}

/** A port nothing listens on right now, for a server that must know its own URL before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
