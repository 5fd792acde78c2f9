/** Standalone Soisy sandbox emulator: `npm run emulator`. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionsFromEnv } from './env.js';
import { startEmulator } from './index.js';

const emulator = await startEmulator(optionsFromEnv(process.env));
console.log(`Soisy sandbox emulator listening: API ${emulator.apiUrl}, control ${emulator.url}/__emulator`);
if (emulator.certificatePem) {
  // The service trusts it with SOISY_CA_FILE=<this file> (or NODE_EXTRA_CA_CERTS).
  const certFile = process.env.EMULATOR_TLS_CERT_FILE || join(tmpdir(), `soisy-emulator-${emulator.port}.pem`);
  writeFileSync(certFile, emulator.certificatePem);
  console.log(`HTTPS with a self-signed certificate: ${certFile}`);
}

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
