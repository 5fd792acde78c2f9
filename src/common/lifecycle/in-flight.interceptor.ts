import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import { DrainState } from './drain-state.js';

/**
 * Counts a route handler as in flight until it ends, even when its client has hung up (the
 * response is then closed, but the handler may still be waiting on Soisy or writing the outcome).
 * The drain waits for these before the Soisy agents and the database pool are closed.
 */
@Injectable()
export class InFlightInterceptor implements NestInterceptor {
  constructor(private readonly drain: DrainState) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const leave = this.drain.enter();
    return next.handle().pipe(finalize(leave));
  }
}
