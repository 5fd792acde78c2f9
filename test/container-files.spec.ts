import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** No Docker engine runs where these tests run, so the container files are checked by reading them. */
describe('the Dockerfile', () => {
  let lines: string[];
  beforeAll(async () => {
    const text = await readFile('Dockerfile', 'utf8');
    lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  });
  const stages = () => lines.filter((line) => line.startsWith('FROM '));
  const runtime = () => lines.slice(lines.lastIndexOf(stages().at(-1)!));

  it('builds in several stages on Node 24 slim', () => {
    expect(stages().length).toBeGreaterThanOrEqual(2);
    for (const stage of stages()) expect(stage).toMatch(/^FROM node:24-slim\b/);
  });

  it('generates the Prisma client and builds at image build time', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^RUN npm run build/));
  });

  it('runs the service as a non-root user', () => {
    const user = runtime().filter((line) => line.startsWith('USER '));
    expect(user.at(-1)).toMatch(/^USER (node|[1-9]\d*)$/);
  });

  it('checks liveness on /health/live', () => {
    expect(runtime()).toContainEqual(expect.stringMatching(/^HEALTHCHECK .*\/health\/live/));
  });

  it('starts through the entrypoint that migrates and then execs node', async () => {
    expect(runtime()).toContainEqual('ENTRYPOINT ["./docker-entrypoint.sh"]');
    const entrypoint = await readFile('docker-entrypoint.sh', 'utf8');
    const migrate = entrypoint.indexOf('node dist/prisma/migrate-cli.js');
    const start = entrypoint.indexOf('exec node dist/main.js');
    expect(migrate).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(migrate);
    expect(entrypoint).toMatch(/set -eu/);
  });
});

describe('docker-compose.yml', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let compose: any;
  beforeAll(async () => {
    compose = parse(await readFile('docker-compose.yml', 'utf8'));
  });

  it('runs PostgreSQL with a healthcheck and a named volume', () => {
    const postgres = compose.services.postgres;
    expect(postgres.image).toMatch(/^postgres:/);
    expect(postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    const [volume] = postgres.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('starts the app only once PostgreSQL is healthy, and publishes its port', () => {
    const app = compose.services.app;
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.ports).toContainEqual(expect.stringMatching(/:3000$/));
    expect(app.healthcheck.test.join(' ')).toMatch(/\/health\/ready/);
  });

  it('gives the app every required setting, and requires the back-office keys', () => {
    const env = compose.services.app.environment;
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
    for (const name of ['SOISY_BASE_URL', 'SOISY_SHOP_ID', 'SOISY_AUTH_TOKEN', 'PUBLIC_BASE_URL', 'ADMIN_API_KEYS']) {
      expect(env).toHaveProperty(name);
    }
    expect(env.ADMIN_API_KEYS).toMatch(/\$\{ADMIN_API_KEYS:\?/);
  });

  it('lets the app drain for its grace period (25 s) before Docker kills it (10 s by default)', () => {
    expect(compose.services.app.stop_grace_period).toBe('30s');
  });

  it('drops capabilities and privileges of the app', () => {
    const app = compose.services.app;
    expect(app.cap_drop).toEqual(['ALL']);
    expect(app.security_opt).toContain('no-new-privileges:true');
    expect(app.read_only).toBe(true);
  });

  it('offers the Soisy emulator as an opt-in profile', () => {
    const emulator = compose.services.emulator;
    expect(emulator.profiles).toEqual(['emulator']);
    expect(emulator.entrypoint).toEqual(['node', 'dist/emulator/main.js']);
    expect(emulator.ports).toContainEqual('4010:4010');
  });
});
