import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppError, FieldError, ValidationFailed } from '../errors/app-error.js';

/** What a route with a `@Body()` takes unless its `@ApiConsumes(...)` (the documented types) says otherwise. */
export const DEFAULT_BODY_TYPE = 'application/json';

const IGNORES_QUERY = 'soisy-bff:ignoresQuery';

/**
 * For routes whose query string is not theirs to judge: the widget scripts, which pages load with
 * cache-busting parameters (`?v=3`) and must not break for them.
 */
export const IgnoresQuery = () => SetMetadata(IGNORES_QUERY, true);

/**
 * The request's shape against the route's declaration, after authentication and before validation:
 * - a body in a media type the route does not take: 415 naming the accepted types (the route's
 *   `@ApiConsumes`, so the documentation and the check are one list; JSON by default);
 * - a body or query parameters on a route that takes none (no `@Body()` / `@Query()`): 400 naming
 *   each field, as the validation pipe does for unknown fields of routes that take some.
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const handler = context.getHandler();
    const controller = context.getClass();
    const takes = parameterKinds(controller, handler);
    if (hasBody(request)) {
      if (takes.has(RouteParamtypes.BODY)) {
        const accepted = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [handler, controller]) ?? [DEFAULT_BODY_TYPE];
        const given = mediaTypeOf(request);
        if (!accepted.includes(given)) throw unsupportedMediaType(given, accepted);
      } else {
        refuseBody(request.body);
      }
    }
    if (!takes.has(RouteParamtypes.QUERY) && !this.reflector.getAllAndOverride<boolean>(IGNORES_QUERY, [handler, controller])) {
      const names = Object.keys((request.query as Record<string, unknown> | undefined) ?? {});
      if (names.length > 0) throw new ValidationFailed(names.map(notAccepted));
    }
    return next.handle();
  }
}

function parameterKinds(controller: object, handler: { name: string }): Set<number> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
}

/** RFC 9110 §6.4.1: a request has content when it says so by Content-Length (> 0) or Transfer-Encoding. */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The media type without parameters, lower case (`Application/JSON; charset=utf-8` → `application/json`). */
function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** A route without a body still tolerates an empty JSON object or an empty body; anything else is named. */
function refuseBody(body: unknown): void {
  if (body === undefined || body === null || body === '') return;
  if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
    const names = Object.keys(body);
    if (names.length > 0) throw new ValidationFailed(names.map(notAccepted));
    return;
  }
  throw new ValidationFailed([{ field: 'body', message: 'this route takes no body' }]);
}

function notAccepted(name: string): FieldError {
  return { field: name, message: `${name} is not an accepted field` };
}

function unsupportedMediaType(given: string, accepted: readonly string[]): AppError {
  const what = given === '' ? 'a body without Content-Type' : `a ${given} body`;
  return new AppError('unsupported_media_type', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `This route takes ${accepted.join(' or ')}; the request sent ${what}.`, {
    accepted: [...accepted],
  });
}
