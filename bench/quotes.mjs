// Benchmark of the hottest route, GET /v1/quotes: cache hits vs. misses (each a Soisy call to the
// emulator), with /health/live as the framework's floor. Starts the built service (embedded
// database) and the emulator as processes on loopback, drives them with autocannon, prints a table
// and writes bench/results/quotes-<timestamp>.json. Run: `npm run build && npm run bench`.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const EMULATOR_PORT = 4910;
const SERVICE_PORT = 3910;
const service = `http://127.0.0.1:${SERVICE_PORT}`;

function start(entry, env) {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function waitFor(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered`);
}

async function rssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

async function scenario(name, requests) {
  const result = await autocannon({ url: service, connections: CONNECTIONS, duration: DURATION_S, requests });
  const ok = result['2xx'];
  return {
    scenario: name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    ok,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

let missAmount = 10_000;
const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-bench-'));
const emulator = start('dist/emulator/main.js', { EMULATOR_PORT: String(EMULATOR_PORT), EMULATOR_HOST: '127.0.0.1' });
const app = start('dist/main.js', {
  PORT: String(SERVICE_PORT),
  DATA_DIR: dataDir,
  // Unset: the embedded database (in-process PGlite, most of the RSS); set it to measure on a server.
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  LOG_LEVEL: 'warn',
  SOISY_BASE_URL: `http://127.0.0.1:${EMULATOR_PORT}/api`,
  SOISY_AUTH_TOKEN: 'partnerkey',
  RATE_LIMIT_PER_MINUTE: '100000',
  SCHEDULER_ENABLED: 'false',
});
try {
  await waitFor(`http://127.0.0.1:${EMULATOR_PORT}/api/shops/partnershop`);
  await waitFor(`${service}/health/ready`);
  const rssIdle = await rssMb(app.pid);
  const rows = [
    await scenario('GET /health/live (floor)', [{ method: 'GET', path: '/health/live' }]),
    await scenario('GET /v1/quotes, cache hit', [{ method: 'GET', path: '/v1/quotes?amount=100000&instalments=12' }]),
    await scenario('GET /v1/quotes, cache miss', [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/quotes?amount=${(missAmount += 1)}&instalments=10` }) },
    ]),
  ];
  const rssLoaded = await rssMb(app.pid);
  console.table(rows);
  console.log(`service RSS: ${rssIdle} MB idle, ${rssLoaded} MB after load (${CONNECTIONS} connections, ${DURATION_S} s each)`);
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/quotes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, JSON.stringify({ node: process.version, connections: CONNECTIONS, durationS: DURATION_S, rssIdle, rssLoaded, rows }, null, 2));
  console.log(`written to ${file}`);
} finally {
  app.kill('SIGTERM');
  emulator.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await rm(dataDir, { recursive: true, force: true });
}
