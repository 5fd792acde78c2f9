import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';

const RETRY_AFTER = Symbol('retryAfterSeconds');

/** Marks an error as worth retrying after `seconds` (whole seconds, at least 1): sent as `Retry-After`. */
export function withRetryAfter<E extends Error>(error: E, seconds: number): E {
  Object.defineProperty(error, RETRY_AFTER, { value: Math.max(1, Math.ceil(seconds)), enumerable: false });
  return error;
}

export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof Error ? (error as unknown as Record<symbol, number | undefined>)[RETRY_AFTER] : undefined;
}

/** Sets `Retry-After` on the reply of a route whose error says when to retry; the filter writes the rest. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = retryAfterOf(error);
        if (seconds !== undefined) context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(seconds));
        return throwError(() => error);
      }),
    );
  }
}
