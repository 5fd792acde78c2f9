import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The name of the back-office key that authenticated the request (set by BackOfficeGuard); never the key. */
    backOfficeActor?: string;
  }
}

/**
 * Who is acting on a back-office route: the name of the key presented (`ops-anna`, or
 * `key-1a2b3c4d` for a key configured without a name; src/config/back-office-keys.ts). For events
 * and reports: it is not a secret. Only on routes under `@BackOffice()`, whose guard sets it.
 */
export const BackOfficeActor = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().backOfficeActor;
  // A programming error (the route lacks @BackOffice()), never a caller's: fail loudly, not silently anonymous.
  if (actor === undefined) throw new Error('@BackOfficeActor() used on a route without @BackOffice()');
  return actor;
});
