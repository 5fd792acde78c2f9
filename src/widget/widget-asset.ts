import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A static browser file shipped with the service, read once at start. */
export interface WidgetAsset {
  body: string;
  /** Strong validator: a changed file gets a new ETag, so revalidation picks it up at once. */
  etag: string;
}

/**
 * The plain `.js` file next to this module: `src/widget/` under the tests, `dist/widget/` once built
 * (nest-cli.json copies it as an asset, since tsc compiles only `.ts`).
 */
export function loadWidgetAsset(fileName: string): WidgetAsset {
  const body = readFileSync(fileURLToPath(new URL(`./${fileName}`, import.meta.url)), 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
