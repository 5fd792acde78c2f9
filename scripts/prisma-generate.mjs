// `prisma generate` does not need Prisma's native schema engine, but the CLI insists on
// downloading it first, which fails offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips the download (ENVIRONMENT.md); the generated client runs on @prisma/adapter-pg alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const prismaCli = fileURLToPath(new URL('../node_modules/prisma/build/index.js', import.meta.url));
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
