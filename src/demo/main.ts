/** `npm run demo`: the whole checkout, offline, in one command (README § Try it). Ctrl-C stops it all. */
import 'reflect-metadata';
import { startDemo } from './demo.js';

const port = (name: string) => Number(process.env[name] ?? 0) || 0;

const demo = await startDemo({
  shopPort: port('DEMO_SHOP_PORT'),
  apiPort: port('DEMO_API_PORT'),
  emulatorPort: port('DEMO_EMULATOR_PORT'),
  logLevel: process.env.LOG_LEVEL,
});
console.log(`Soisy emulator:   ${demo.emulatorUrl}`);
console.log(`soisy-bff:        ${demo.apiUrl} (API explorer: ${demo.apiUrl}/docs)`);
console.log(`Demo storefront:  ${demo.shopUrl}/`);
console.log('Open the storefront in a browser. Ctrl-C stops everything.');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the storefront, the service and the emulator`);
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
