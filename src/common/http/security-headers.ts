import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's options for every response. The OpenAPI explorer needs its inline bootstrap script and
 * styles; "Try it out" must reach this service over plain http on a developer's machine too.
 */
export const SECURITY_HEADER_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The headers helmet sets for `options`, computed once. helmet's headers depend on its options
 * only, never on the request, so running its middleware once against a response that goes nowhere
 * gives exactly what it would set on every response (header name → value, names lower-case).
 */
export function securityHeaders(options: Readonly<HelmetOptions> = SECURITY_HEADER_OPTIONS): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, () => {});
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * helmet's headers on every response, set before any route runs so a route may still replace one
 * (the widget's script relaxes `Cross-Origin-Resource-Policy`). Not @fastify/helmet: it rebuilds
 * helmet's whole middleware (parsing the CSP directives) on every request, ~10 % of a cached
 * quote's CPU; these headers are computed once at start (see bench/ and README "Benchmark").
 */
export function registerSecurityHeaders(app: NestFastifyApplication, options: Readonly<HelmetOptions> = SECURITY_HEADER_OPTIONS): void {
  const headers = securityHeaders(options);
  app.getHttpAdapter().getInstance().addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
