import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * A success answer that needs more than the route's @HttpCode and a body: a status chosen at run
 * time (a release answers 200 or 202, a widget 304), headers (cache-control), or the replay of a
 * stored answer. Services (or controllers) return it; AnswerInterceptor, registered once for the
 * whole application, sends it. No controller touches the reply (no `@Res`).
 */
export class Answer<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  /** An answer sent again from an idempotency record: `Idempotent-Replayed: true`. */
  static replay<T>(status: number, body: T): Answer<T> {
    return new Answer(status, body, { [REPLAYED_HEADER]: 'true' });
  }

  get replayed(): boolean {
    return this.headers[REPLAYED_HEADER] === 'true';
  }
}

/**
 * The one HTTP edge mechanism for `Answer`: its status and headers, then its body. (A cached quote
 * is sent the same way before Nest's pipeline: src/quotes/cached-quote-answers.ts.)
 */
@Injectable()
export class AnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Answer)) return result;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        reply.status(result.status).headers(result.headers);
        return result.body;
      }),
    );
  }
}
