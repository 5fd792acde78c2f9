/**
 * The demo shop's web server: static files from `demo/`, served from an origin of their own (the
 * service is elsewhere), as a merchant's storefront would be. Pages get the service's URL written
 * into `%API_URL%`, and a Content-Security-Policy that shows what a merchant has to allow for the
 * widget and the checkout: the service's origin for scripts and for fetch.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `demo/` at the repository's root, from `src/demo/` (tests) and `dist/demo/` (built) alike. */
export const DEMO_ROOT = fileURLToPath(new URL('../../demo/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StorefrontOptions {
  /** The service's base URL, e.g. http://127.0.0.1:3000 */
  apiUrl: string;
  /** 0: any free port. */
  port?: number;
  host?: string;
}

export interface RunningStorefront {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  close(): Promise<void>;
}

function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The file a URL path names inside `root`, or undefined when it tries to leave it or is malformed. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  const apiUrl = options.apiUrl.replace(/\/$/, '');
  const headers = {
    'content-security-policy': contentSecurityPolicy(new URL(apiUrl).origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // A demo that changes while it is being tried: never serve yesterday's page.
    'cache-control': 'no-store',
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(DEMO_ROOT, request.url ?? '/') : undefined;
      const type = file && TYPES[extname(file)];
      const body = type ? await readFile(file).catch(() => undefined) : undefined;
      if (!body || !type) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
        return;
      }
      const content = type.startsWith('text/html') ? body.toString('utf8').replaceAll('%API_URL%', htmlAttribute(apiUrl)) : body;
      response.writeHead(200, { 'content-type': type, ...headers }).end(request.method === 'HEAD' ? undefined : content);
    })().catch(() => response.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => server.once('error', fail).listen(options.port ?? 0, host, done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
