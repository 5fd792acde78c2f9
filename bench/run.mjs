// `npm run bench` (after `npm run build`): in one interleaved run, the same Soisy work through
//   1. the Soisy stand-in (the emulator) called directly,
//   2. a bare Fastify pass-through proxy (bench/proxy.mjs), the reference,
//   3. the service,
//   4. for create order, `naive`: issue 10's naive NestJS + @nestjs/axios + one Prisma insert
//      (bench/naive.mjs), its figure beside the (only with a PostgreSQL server),
// for create order, cached quotes, and create + loan request + approval. Prints req/s,
// mean latency (connections ÷ req/s, Little's law), p50/p99 (to the microsecond at one connection,
// where bench/sequential.mjs sends the requests; autocannon's whole milliseconds elsewhere),
// CPU per request of the proxy, the service and PostgreSQL's backends, and the ratios; writes
// bench/results/bench-<timestamp>.json. PostgreSQL: BENCH_DATABASE_URL, else a throw-away database
// on postgresql://postgres@127.0.0.1:5432, else the embedded one. BENCH_TLS=1: the stand-in speaks HTTPS.
// BENCH_BASELINE=<dir of another built checkout>: that build runs too, as target `baseline`, on a
// database of its own, interleaved with the others (compare two versions within one run).
// BENCH_ONLY=create,quotes,flow,single (any of them): only those scenarios, for quicker iterations;
// `single` is create order at one connection.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuDuring, median, rssMb } from './measure.mjs';
import { sequential } from './sequential.mjs';
import { SCENARIOS } from './scenarios.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TLS = process.env.BENCH_TLS === '1';
const BASELINE = process.env.BENCH_BASELINE;
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const SINGLE = { ...SCENARIOS[0], name: 'create order, 1 connection', connections: 1, key: 'single' };
const RUN = [...SCENARIOS, SINGLE].filter((scenario) => !ONLY || ONLY.includes(scenario.key));
if (RUN.length === 0) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: none of create, quotes, flow, single`);

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const start = (entry, env, cwd) => spawn(process.execPath, [entry], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`${url} never answered`);
}

async function waitForPort(port) {
  for (let i = 0; i < 300; i++) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true))).once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(200);
  }
  throw new Error(`nothing listens on port ${port}`);
}

/** A database of its own on the PostgreSQL server, or undefined to use the embedded one. */
async function benchDatabase(suffix = '') {
  if (process.env.BENCH_DATABASE_URL && !suffix) return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} };
  const name = `soisy_bench_${process.pid}${suffix}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    await admin.end().catch(() => {});
    return undefined;
  }
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const [emulatorPort, proxyPort, servicePort, baselinePort, naivePort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
const scheme = TLS ? 'https' : 'http';
const standIn = `${scheme}://127.0.0.1:${emulatorPort}`;
const proxy = `http://127.0.0.1:${proxyPort}`;
const service = `http://127.0.0.1:${servicePort}`;
const dataDir = await mkdtemp(join(tmpdir(), 'soisy-bff-bench-'));
const certFile = join(dataDir, 'emulator.pem');
const database = await benchDatabase();
const baselineDatabase = BASELINE && database ? await benchDatabase('_baseline') : undefined;
const naiveDatabase = database ? await benchDatabase('_naive') : undefined;
const caEnv = TLS ? { NODE_EXTRA_CA_CERTS: certFile } : {};

const emulator = start('dist/emulator/main.js', {
  EMULATOR_PORT: String(emulatorPort), EMULATOR_HOST: '127.0.0.1', EMULATOR_REQUEST_LOG_LIMIT: '1000',
  ...(TLS ? { EMULATOR_TLS: '1', EMULATOR_TLS_CERT_FILE: certFile } : {}),
});
const processes = [emulator];
try {
  await waitForPort(emulatorPort);
  // This process reads the stand-in's connection counts: it trusts its certificate too.
  if (TLS) setDefaultCACertificates([...getCACertificates('default'), await readFile(certFile, 'utf8')]);
  const proxyProcess = start('bench/proxy.mjs', { PROXY_PORT: String(proxyPort), PROXY_UPSTREAM: standIn, ...caEnv });
  const naiveProcess = naiveDatabase ? start('bench/naive.mjs', { PROXY_PORT: String(naivePort), PROXY_UPSTREAM: standIn, NAIVE_DATABASE_URL: naiveDatabase.url, ...caEnv }) : undefined;
  if (naiveProcess) processes.push(naiveProcess);
  const serviceEnv = (port, db, dir) => ({
    PORT: String(port), DATA_DIR: dir, ...(db ? { DATABASE_URL: db.url } : {}), LOG_LEVEL: 'warn',
    SOISY_BASE_URL: `${standIn}/api`, SOISY_AUTH_TOKEN: 'partnerkey', ...(TLS ? { SOISY_CA_FILE: certFile } : {}),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: '127.0.0.1', SCHEDULER_ENABLED: 'false',
  });
  const app = start('dist/main.js', serviceEnv(servicePort, database, dataDir));
  const baselineApp = BASELINE ? start(join(BASELINE, 'dist/main.js'), serviceEnv(baselinePort, baselineDatabase, join(dataDir, 'baseline')), BASELINE) : undefined;
  if (baselineApp) processes.push(baselineApp);
  processes.push(proxyProcess, app);
  await waitFor(`${proxy}/api/shops/partnershop`);
  if (naiveProcess) await waitFor(`http://127.0.0.1:${naivePort}/api/shops/partnershop`);
  await waitFor(`${service}/health/ready`);
  if (baselineApp) await waitFor(`http://127.0.0.1:${baselinePort}/health/ready`);

  const postgresPidsOf = (db) => async () => {
    if (!db) return [];
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name ?? new URL(db.url).pathname.slice(1)]);
    await client.end();
    return rows.map((row) => row.pid);
  };
  const targets = [
    { name: 'stand-in', url: standIn, pids: async () => [], postgresPids: async () => [], requests: (scenario) => scenario.soisy },
    { name: 'proxy', url: proxy, pids: async () => [proxyProcess.pid], postgresPids: async () => [], requests: (scenario) => scenario.soisy },
    ...(naiveProcess ? [{
      name: 'naive', url: `http://127.0.0.1:${naivePort}`, pids: async () => [naiveProcess.pid], postgresPids: postgresPidsOf(naiveDatabase), database: naiveDatabase,
      requests: (scenario) => scenario.soisy, only: ['create', 'single'],
    }] : []),
    { name: 'service', url: service, pids: async () => [app.pid], postgresPids: postgresPidsOf(database), database, requests: (scenario) => scenario.service },
    ...(baselineApp ? [{ name: 'baseline', url: `http://127.0.0.1:${baselinePort}`, pids: async () => [baselineApp.pid], postgresPids: postgresPidsOf(baselineDatabase), database: baselineDatabase, requests: (scenario) => scenario.service }] : []),
  ];
  // One connection: timed to the microsecond by bench/sequential.mjs (autocannon keeps whole milliseconds).
  const tlsOptions = TLS ? { rejectUnauthorized: false } : undefined;
  const load = (url, requests, connections, duration) => (connections === 1
    ? sequential(url, requests, duration, tlsOptions)
    : autocannon({ url, connections, duration, requests, ...(tlsOptions ? { tlsOptions } : {}) }));

  // Warm-up: JIT, pools, the quotes cache.
  const runs = (target, scenario) => !target.only || target.only.includes(scenario.key);
  for (const target of targets) for (const scenario of RUN) if (runs(target, scenario)) await load(target.url, target.requests(scenario), 8, 1);

  const samples = [];
  const loads = [loadavg()[0]];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of RUN) {
      for (const target of targets.filter((candidate) => runs(candidate, scenario))) {
        const connections = scenario.connections ?? CONNECTIONS;
        const pgCpu = { cpuMicros: 0 };
        // How many connections to Soisy the target used for this run, counted by the stand-in.
        await fetch(`${standIn}/__emulator/connections`, { method: 'DELETE' });
        const measured = await cpuDuring(target.pids, async () => {
          const inner = await cpuDuring(target.postgresPids, () => load(target.url, target.requests(scenario), connections, DURATION_S));
          pgCpu.cpuMicros = inner.cpuMicros;
          return inner.result;
        });
        const result = measured.result;
        const done = result.requests.total || 1;
        const soisyConnections = (await (await fetch(`${standIn}/__emulator/connections`)).json()).api;
        samples.push({
          round, scenario: scenario.name, target: target.name, connections,
          requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99,
          cpuUsPerRequest: target.name === 'stand-in' ? null : measured.cpuMicros / done,
          postgresCpuUsPerRequest: target.database ? pgCpu.cpuMicros / done : null,
          failed: result.errors + result.timeouts + result.non2xx,
          soisyConnections,
        });
      }
    }
    loads.push(loadavg()[0]);
    console.log(`round ${round} of ${ROUNDS} done (1-minute load ${loadavg()[0].toFixed(2)})`);
  }

  const rows = [];
  for (const scenario of [...new Set(samples.map((sample) => sample.scenario))]) {
    const of = (target, field) => {
      const values = samples.filter((s) => s.scenario === scenario && s.target === target).map((s) => s[field]);
      return values.some((value) => value === null) ? null : median(values);
    };
    const measuredTargets = targets.map((t) => t.name).filter((name) => samples.some((s) => s.scenario === scenario && s.target === name));
    for (const target of measuredTargets) {
      const rps = of(target, 'requestsPerSecond');
      const connections = samples.find((s) => s.scenario === scenario).connections;
      rows.push({
        scenario, target,
        'req/s': Math.round(rps),
        'mean ms': +((connections / rps) * 1000).toFixed(2),
        'p50 ms': of(target, 'p50Ms'),
        'p99 ms': of(target, 'p99Ms'),
        'CPU µs/req': of(target, 'cpuUsPerRequest') === null ? '–' : Math.round(of(target, 'cpuUsPerRequest')),
        'PostgreSQL µs/req': of(target, 'postgresCpuUsPerRequest') === null ? '–' : Math.round(of(target, 'postgresCpuUsPerRequest')),
        '× proxy': +(rps / of('proxy', 'requestsPerSecond')).toFixed(3),
        '× stand-in': +(rps / of('stand-in', 'requestsPerSecond')).toFixed(3),
        'Soisy conns': of(target, 'soisyConnections'),
        failed: samples.filter((s) => s.scenario === scenario && s.target === target).reduce((sum, s) => sum + s.failed, 0),
      });
    }
  }
  console.table(rows);
  const machine = { baseline: BASELINE ?? null, cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadDuringRun: loads.map((l) => +l.toFixed(2)) };
  console.log(`${machine.cpus} × ${machine.model}, Node ${machine.node}; ${ROUNDS} rounds × ${DURATION_S} s, ${CONNECTIONS} connections; ` +
    `database: ${database ? 'PostgreSQL server' : 'embedded'}; Soisy over ${scheme}; 1-minute load ${machine.loadDuringRun.join(' → ')}; service RSS ${await rssMb(app.pid)} MB`);
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, JSON.stringify({ machine, durationS: DURATION_S, connections: CONNECTIONS, rounds: ROUNDS, tls: TLS, database: database ? 'server' : 'embedded', rows, samples }, null, 2));
  console.log(`written to ${file}`);
} finally {
  for (const child of processes.reverse()) child.kill('SIGTERM');
  await sleep(1500);
  for (const db of [database, baselineDatabase, naiveDatabase]) await db?.drop().catch((error) => console.error(`could not drop the bench database: ${error.message}`));
  await rm(dataDir, { recursive: true, force: true });
}
