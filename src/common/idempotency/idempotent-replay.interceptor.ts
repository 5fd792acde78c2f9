import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { Replayed } from './idempotency.service.js';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Lets a service answer `Replayed` without the controller knowing: sends the stored body with
 * `Idempotent-Replayed: true`. Only success answers are stored, and a route has one success status
 * (its @HttpCode), so the stored status is that one.
 */
@Injectable()
export class IdempotentReplayInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Replayed)) return result;
        context.switchToHttp().getResponse<FastifyReply>().header(REPLAYED_HEADER, 'true');
        return result.body;
      }),
    );
  }
}
