#!/usr/bin/env node
// npm run lint runs this after eslint: the layout of README § Layout, enforced on src/ of the
// current directory (a test runs it on fixtures to prove it fails on a violation).
// 1. Imports: dependency-cruiser with .dependency-cruiser.cjs (features never import features,
//    soisy/ never imports the database or orders, production code never imports the emulator or
//    src/soisy/testing, Prisma stays in repositories).
// 2. Writers: only src/orders/ writes the `orders` and `order_events` tables. An import rule
//    cannot see that (every repository may hold a PrismaService), so the statements are searched.
// 3. The HTTP edge: no controller takes the reply (`@Res`); a status or header chosen at run time
//    is an `Answer` (src/common/http/answer.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(projectRoot, '.dependency-cruiser.cjs');
const cruiser = join(projectRoot, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** Prisma calls and SQL statements that write orders or their events. */
const ORDER_WRITES = [
  /\.order\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\s*\(/,
  /\.orderEvent\.\w+\s*\(/,
  /\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"?(orders|order_events)"?\b/i,
  /table:\s*'orders'/,
];
/** Where writing orders is allowed or not production code. */
const WRITERS_ALLOWED = /^src\/(orders|generated|emulator)\/|\.spec\.ts$/;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function sourceProblems() {
  const problems = [];
  for (const file of sourceFiles('src')) {
    const path = relative(process.cwd(), file).split('\\').join('/');
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      if (!WRITERS_ALLOWED.test(path) && ORDER_WRITES.some((pattern) => pattern.test(line))) {
        problems.push(`  error orders-written-outside-core: ${path}:${index + 1} writes orders or order events; use OrdersRepository (src/orders)`);
      }
      if (!/^src\/(emulator|demo)\//.test(path) && /@Res\s*\(/.test(line)) {
        problems.push(`  error reply-in-controller: ${path}:${index + 1} takes the reply; return an Answer (src/common/http/answer.ts)`);
      }
    });
  }
  return problems;
}

const imports = spawnSync(process.execPath, [cruiser, 'src', '--config', config, '--output-type', 'err'], { encoding: 'utf8' });
process.stdout.write(imports.stdout);
process.stderr.write(imports.stderr);
const problems = sourceProblems();
if (problems.length > 0) console.error(`${problems.join('\n')}\n\nx ${problems.length} source problem(s).`);
process.exit(imports.status !== 0 || problems.length > 0 ? 1 : 0);
