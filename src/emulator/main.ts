/** Standalone Soisy sandbox emulator: `npm run emulator`. */
import { optionsFromEnv } from './env.js';
import { startEmulator } from './index.js';

const emulator = await startEmulator(optionsFromEnv(process.env));
console.log(`Soisy sandbox emulator listening: API ${emulator.apiUrl}, control ${emulator.url}/__emulator`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the emulator`);
  await emulator.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
