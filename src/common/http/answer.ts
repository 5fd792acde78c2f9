import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * A success answer whose status the route's @HttpCode does not fix alone (a release answers 200 or
 * 202), or that is the replay of a stored one. Services return it; AnswerInterceptor sends it.
 * Controllers never touch the reply (no `@Res`).
 */
export class Answer<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
    /** Sent again from an idempotency record: `Idempotent-Replayed: true`. */
    readonly replayed = false,
  ) {}
}

/** The one HTTP edge mechanism for `Answer`: its status, the replay header, then its body. */
@Injectable()
export class AnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Answer)) return result;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        reply.status(result.status);
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true');
        return result.body;
      }),
    );
  }
}
