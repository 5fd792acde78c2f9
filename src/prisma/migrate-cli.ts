/**
 * `npm run migrate` / the container entrypoint: applies the committed migrations to DATABASE_URL
 * and exits, so a deployment can migrate before any instance takes traffic.
 */
import { applyMigrations } from './migrator.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Invalid configuration: DATABASE_URL is required to apply migrations');
  process.exit(1);
}
try {
  const applied = await applyMigrations(url);
  process.stdout.write(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}\n` : 'Migrations: up to date\n');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
