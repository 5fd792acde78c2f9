// `npm run bench:profile -- <scenario> [embedded]` (after `npm run build`): runs the service under
// `node --cpu-prof` against the Soisy stand-in, loads one scenario of bench/scenarios.mjs (`quotes`,
// `create`, `flow`) for BENCH_DURATION_S (10) at BENCH_CONNECTIONS (64), stops the service, and prints
// where its main thread's CPU went: self time by package and by function, per request. The profile
// is kept in bench/results/ for Chrome DevTools or speedscope. `embedded`: the PGlite database
// (npm start without DATABASE_URL) instead of a throw-away database on the PostgreSQL server.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { SCENARIOS } from './scenarios.mjs';

const [which = 'quotes', databaseKind = 'server'] = process.argv.slice(2);
const scenario = SCENARIOS.find((s) => s.name.startsWith({ quotes: 'quotes', create: 'create order', flow: 'create +' }[which] ?? which));
if (!scenario) throw new Error(`unknown scenario ${which}: quotes, create or flow`);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const freePort = () => new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => done(port));
  });
});
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
async function waitFor(url) {
  for (let i = 0; i < 300; i++, await sleep(200)) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
  }
  throw new Error(`${url} never answered`);
}

const [emulatorPort, servicePort] = [await freePort(), await freePort()];
const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-profile-'));
const profileDir = resolve('bench/results');
await mkdir(profileDir, { recursive: true });
const dbName = `soisy_profile_${process.pid}`;
let databaseUrl;
if (databaseKind !== 'embedded') {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
}
const emulator = spawn(process.execPath, ['dist/emulator/main.js'], {
  env: { ...process.env, EMULATOR_PORT: String(emulatorPort), EMULATOR_HOST: '127.0.0.1', EMULATOR_REQUEST_LOG_LIMIT: '1000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const name = `profile-${which}-${databaseKind}-${Date.now()}`;
const app = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`, 'dist/main.js'], {
  env: {
    ...process.env, PORT: String(servicePort), DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), LOG_LEVEL: 'warn',
    SOISY_BASE_URL: `http://127.0.0.1:${emulatorPort}/api`, SOISY_AUTH_TOKEN: 'partnerkey', PUBLIC_BASE_URL: `http://127.0.0.1:${servicePort}`,
    RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: '127.0.0.1', SCHEDULER_ENABLED: 'false',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise((done) => app.once('exit', done));
let requests = 0;
// V8 stamps samples with the monotonic clock, as process.hrtime does: only the measured load is counted.
let window;
try {
  const service = `http://127.0.0.1:${servicePort}`;
  await waitFor(`${service}/health/ready`);
  await autocannon({ url: service, connections: 8, duration: 2, requests: scenario.service }); // warm-up
  const from = Number(process.hrtime.bigint() / 1000n);
  const result = await autocannon({ url: service, connections: CONNECTIONS, duration: DURATION_S, requests: scenario.service });
  window = [from, Number(process.hrtime.bigint() / 1000n)];
  requests = result.requests.total;
  console.log(`${scenario.name}, ${databaseKind} database: ${requests} requests, ${Math.round(result.requests.average)} req/s, ` +
    `${result.errors + result.timeouts + result.non2xx} failed`);
} finally {
  app.kill('SIGTERM');
  await exited;
  emulator.kill('SIGTERM');
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  await rm(dataDir, { recursive: true, force: true });
}

// Self time per node of the profile, grouped by function and by package (node_modules/<pkg>, node:
// internals, the service's own dist/ files, or V8's (garbage collector), (program), (idle)).
const file = (await readdir(profileDir)).find((f) => f.startsWith(name));
const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8'));
const selfUs = new Map();
const deltas = profile.timeDeltas;
for (let i = 0, at = profile.startTime; i < profile.samples.length; i++) {
  at += deltas[i];
  if (at < window[0] || at > window[1]) continue; // the measured load only
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (deltas[i + 1] ?? 0));
}
const packageOf = (url) => {
  if (!url) return null;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const dist = /\/dist\/(.+)$/.exec(url);
  return dist ? `service ${dist[1].split('/').slice(0, 2).join('/')}` : url;
};
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${(functionName || '(anonymous)').slice(0, 50)} ${packageOf(url) ?? ''}:${lineNumber + 1}`;
};
const byPackage = new Map();
const byFunction = new Map();
const inclusive = new Map();
const inclusivePackage = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0 || node.callFrame.functionName === '(idle)') continue;
  total += us;
  const pkg = packageOf(node.callFrame.url) ?? node.callFrame.functionName;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + us);
  // Inclusive time: each function on the stack once.
  const seen = new Set();
  const seenPackages = new Set();
  for (let id = node.id; id !== undefined; id = parentOf.get(id)) {
    const frame = nodeById.get(id);
    const framePackage = packageOf(frame.callFrame.url);
    if (framePackage && !seenPackages.has(framePackage)) {
      seenPackages.add(framePackage);
      inclusivePackage.set(framePackage, (inclusivePackage.get(framePackage) ?? 0) + us);
    }
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
const show = (map, count, filter = () => true) => [...map].filter(([key]) => filter(key)).sort((a, b) => b[1] - a[1]).slice(0, count)
  .map(([key, us]) => ({ where: key, '%': +((100 * us) / total).toFixed(1), 'µs/req': +(us / requests).toFixed(1) }));
console.log(`main thread busy ${Math.round(total / 1000)} ms during the measured load: ${(total / requests).toFixed(0)} µs per request`);
console.log('self time by package:');
console.table(show(byPackage, 25));
console.log('self time by function:');
console.table(show(byFunction, 30));
console.log('inclusive time by package (what runs under its functions, nested packages counted in each):');
console.table(show(inclusivePackage, 40, (key) => !key.startsWith('node:')));
console.log('inclusive time of the service\'s own and its plugins\' functions:');
console.table(show(inclusive, 40, (key) => !/^\((root|program|garbage)/.test(key) && !/ node:/.test(key)));
console.log(`profile: ${join(profileDir, file)}`);
