/**
 * Everything `npm run demo` runs, in one process and offline: the Soisy emulator, the service on
 * its embedded database (a throw-away DATA_DIR) pointed at the emulator, and the demo shop on an
 * origin of its own that the service's CORS_ORIGINS allows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { createApp } from '../create-app.js';
import { startEmulator } from '../emulator/index.js';
import { freePort } from './free-port.js';
import { startStorefront } from './storefront-server.js';

export interface DemoOptions {
  /** 0 or absent: any free port. */
  shopPort?: number;
  apiPort?: number;
  emulatorPort?: number;
  /** The service's log level (default `warn`: the demo's console stays readable). */
  logLevel?: string;
}

export interface RunningDemo {
  shopUrl: string;
  apiUrl: string;
  emulatorUrl: string;
  /** Stops the shop, the service and the emulator, and deletes the demo's database. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const shopPort = options.shopPort || (await freePort(HOST));
  const apiPort = options.apiPort || (await freePort(HOST));
  const shopUrl = `http://${HOST}:${shopPort}`;
  const apiUrl = `http://${HOST}:${apiPort}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-demo-'));
  const emulator = await startEmulator({ port: options.emulatorPort ?? 0, host: HOST });
  const config = loadConfig({
    PORT: String(apiPort),
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    SOISY_BASE_URL: emulator.apiUrl,
    SOISY_AUTH_TOKEN: 'partnerkey',
    PUBLIC_BASE_URL: apiUrl,
    CORS_ORIGINS: shopUrl,
    LOG_LEVEL: options.logLevel ?? 'warn',
  });
  const app = await createApp(config);
  await app.listen({ port: apiPort, host: HOST });
  const shop = await startStorefront({ apiUrl, port: shopPort, host: HOST });
  return {
    shopUrl: shop.url,
    apiUrl,
    emulatorUrl: emulator.url,
    close: async () => {
      await shop.close();
      await app.close();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
