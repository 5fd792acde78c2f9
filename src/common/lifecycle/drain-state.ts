/**
 * Whether this process is shutting down, and how much work it still owes: requests being answered
 * and handlers still running (a handler can outlive its request when the client hangs up). One per
 * process, shared by the HTTP gate, the in-flight interceptor, readiness and the shutdown sequence.
 */
export class DrainState {
  private drainingSince?: Date;
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** From now on readiness is down and new requests are refused. Idempotent. */
  beginDrain(): void {
    this.drainingSince ??= new Date();
  }

  /** Counts one unit of work; call the returned function exactly once when it ends. */
  enter(): () => void {
    this.inFlight += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.wakeWaiters();
    };
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once no work is in flight (at once if none is). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
