import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = resolve('scripts/check-architecture.mjs');

/** Writes a small project (tsconfig and src/) and runs the architecture check of `npm run lint` in it. */
async function checkProject(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const root = await mkdtemp(join(tmpdir(), 'architecture-'));
  try {
    const all = { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }), ...files };
    for (const [path, text] of Object.entries(all)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    try {
      const { stdout, stderr } = await run(process.execPath, [script], { cwd: root });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const layered = {
  'src/orders/orders.repository.ts': "export const update = (tx: any) => tx.order.update({});\n",
  'src/soisy/gateway.ts': 'export const gateway = 1;\n',
  'src/checkout/checkout.service.ts': "import { update } from '../orders/orders.repository.js';\nimport { gateway } from '../soisy/gateway.js';\nexport const x = [update, gateway];\n",
  'src/back-office/list.service.ts': "import { update } from '../orders/orders.repository.js';\nexport const y = update;\n",
};

describe('the architecture check in npm run lint', () => {

  it('passes a project whose features depend only on the core', async () => {
    const { code, output } = await checkProject(layered);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('no dependency violations') });
  });

  it('fails when a feature imports another feature', async () => {
    const { code, output } = await checkProject({ ...layered, 'src/back-office/list.service.ts': "import { x } from '../checkout/checkout.service.js';\nexport const y = x;\n" });
    expect(code).toBe(1);
    expect(output).toContain('feature-imports-feature: src/back-office/list.service.ts → src/checkout/checkout.service.ts');
  });

  it('fails when the Soisy gateway imports the database or the orders core', async () => {
    const { code, output } = await checkProject({
      ...layered,
      'src/prisma/prisma.service.ts': 'export class PrismaService {}\n',
      'src/soisy/gateway.ts': "import { PrismaService } from '../prisma/prisma.service.js';\nimport { update } from '../orders/orders.repository.js';\nexport const gateway = [PrismaService, update];\n",
    });
    expect(code).toBe(1);
    expect(output).toContain('soisy-imports-database-or-orders: src/soisy/gateway.ts → src/prisma/prisma.service.ts');
    expect(output).toContain('soisy-imports-database-or-orders: src/soisy/gateway.ts → src/orders/orders.repository.ts');
  });

  it('fails when production code imports the emulator or the fake Soisy server', async () => {
    const { code, output } = await checkProject({
      ...layered,
      'src/emulator/index.ts': 'export const emulator = 1;\n',
      'src/soisy/testing/fake-soisy-server.ts': 'export const fake = 1;\n',
      'src/checkout/checkout.service.ts': "import { emulator } from '../emulator/index.js';\nimport { fake } from '../soisy/testing/fake-soisy-server.js';\nexport const x = [emulator, fake];\n",
    });
    expect(code).toBe(1);
    expect(output).toContain('production-imports-test-scaffolding: src/checkout/checkout.service.ts → src/emulator/index.ts');
    expect(output).toContain('production-imports-test-scaffolding: src/checkout/checkout.service.ts → src/soisy/testing/fake-soisy-server.ts');
  });

  it('fails when anything but the orders core writes orders or their events', async () => {
    const { code, output } = await checkProject({
      ...layered,
      'src/callbacks/callbacks.repository.ts': 'export const sql = `UPDATE orders SET status = 1`;\nexport const write = (tx: any) => tx.orderEvent.create({});\n',
    });
    expect(code).toBe(1);
    expect(output).toContain('orders-written-outside-core: src/callbacks/callbacks.repository.ts:1');
    expect(output).toContain('orders-written-outside-core: src/callbacks/callbacks.repository.ts:2');
  });

  it('fails when a controller takes the reply instead of returning an Answer', async () => {
    const { code, output } = await checkProject({ ...layered, 'src/quotes/quotes.controller.ts': 'export class C { quote(@Res({ passthrough: true }) reply: unknown) { return reply; } }\n' });
    expect(code).toBe(1);
    expect(output).toContain('reply-in-controller: src/quotes/quotes.controller.ts:1');
  });
});
