import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { ApiKeyMatcher } from './api-key-matcher.js';
import { AuthErrors } from './auth.errors.js';
import './back-office-actor.js';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Back-office routes: `Authorization: Bearer <key>` with a key from ADMIN_API_KEYS. With no key
 * configured every call is refused: the back office is off rather than open. The matched key's
 * name goes on the request as `backOfficeActor` (read it with `@BackOfficeActor()`).
 */
@Injectable()
export class BackOfficeGuard implements CanActivate {
  private readonly matcher: ApiKeyMatcher;

  constructor(config: AppConfig) {
    this.matcher = new ApiKeyMatcher(config.backOfficeKeys);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const key = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    const actor = key === undefined ? undefined : this.matcher.nameOf(key);
    if (actor !== undefined) {
      request.backOfficeActor = actor;
      return true;
    }
    // RFC 6750: a 401 names the scheme it expects. The problem filter keeps headers already set.
    http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="back-office"');
    throw AuthErrors.unauthorized();
  }
}
