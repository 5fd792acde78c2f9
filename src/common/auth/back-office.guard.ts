import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { ApiKeyMatcher } from './api-key-matcher.js';
import { AuthErrors } from './auth.errors.js';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Back-office routes: `Authorization: Bearer <key>` with a key from ADMIN_API_KEYS. With no key
 * configured every call is refused: the back office is off rather than open.
 */
@Injectable()
export class BackOfficeGuard implements CanActivate {
  private readonly matcher: ApiKeyMatcher;

  constructor(config: AppConfig) {
    this.matcher = new ApiKeyMatcher(config.adminApiKeys);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers.authorization;
    const key = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (key !== undefined && this.matcher.matches(key)) return true;
    // RFC 6750: a 401 names the scheme it expects. The problem filter keeps headers already set.
    http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="back-office"');
    throw AuthErrors.unauthorized();
  }
}
