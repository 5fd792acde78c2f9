/**
 * Soisy → merchant notifications: a form-urlencoded POST to the order's callbackUrl. Delivery runs
 * in the background so that the API answer that caused it is never delayed or failed by it;
 * deliveries for one order go out in order, one at a time.
 */
import type { Order } from './state.js';

export type CallbackEventId = 'LoanWasApproved' | 'RequestCompleted' | 'LoanWasVerified' | 'LoanWasDisbursed' | 'UserWasRejected';

export const EVENT_MESSAGES: Record<CallbackEventId, string> = {
  LoanWasApproved: 'loan approved',
  RequestCompleted: 'waiting for verification',
  LoanWasVerified: 'waiting for disbursement',
  LoanWasDisbursed: 'payment received',
  UserWasRejected: 'payment failed',
};

export interface CallbackRecord {
  id: number;
  orderToken: string;
  eventId: string;
  url: string | null;
  /** Exactly the form fields sent. */
  payload: Record<string, string>;
  /** `skipped`: the order has no callbackUrl. `failed`: no HTTP answer (refused, timeout). */
  state: 'pending' | 'delivered' | 'failed' | 'skipped';
  /** The merchant's answer code. */
  responseStatus: number | null;
  error: string | null;
  firedAt: string;
  finishedAt: string | null;
}

export interface CallbackOptions {
  timeoutMs: number;
  timeZone: string;
}

/** `YYYY-MM-DD HH:mm:ss` in Soisy's local time, the format the official plugins parse. */
export function formatEventDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(date);
}

export class CallbackDispatcher {
  private records: CallbackRecord[] = [];
  private queues = new Map<string, Promise<void>>();
  private nextId = 1;
  private readonly stopping = new AbortController();

  constructor(private readonly options: CallbackOptions) {}

  fire(order: Order, eventId: string, extra: { amount?: number; eventDate?: string; eventMessage?: string } = {}): CallbackRecord {
    const payload: Record<string, string> = {
      eventId,
      eventMessage: extra.eventMessage ?? EVENT_MESSAGES[eventId as CallbackEventId] ?? eventId,
      eventDate: extra.eventDate ?? formatEventDate(new Date(), this.options.timeZone),
      orderToken: order.token,
      orderReference: order.orderReference ?? '',
    };
    if (extra.amount !== undefined) payload.amount = String(extra.amount);
    const record: CallbackRecord = {
      id: this.nextId++, orderToken: order.token, eventId, url: order.callbackUrl, payload,
      state: order.callbackUrl ? 'pending' : 'skipped', responseStatus: null, error: null,
      firedAt: new Date().toISOString(), finishedAt: null,
    };
    this.records.push(record);
    if (record.state === 'pending') this.enqueue(order.token, record);
    return record;
  }

  private enqueue(orderToken: string, record: CallbackRecord): void {
    const previous = this.queues.get(orderToken) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(record));
    this.queues.set(orderToken, next);
    void next.then(() => {
      if (this.queues.get(orderToken) === next) this.queues.delete(orderToken);
    });
  }

  private async deliver(record: CallbackRecord): Promise<void> {
    try {
      const response = await fetch(record.url as string, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(record.payload).toString(),
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      record.state = 'delivered';
      record.responseStatus = response.status;
    } catch (error) {
      record.state = 'failed';
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      record.error = error instanceof Error ? `${error.name}: ${error.message}${cause ? ` (${cause})` : ''}` : String(error);
    }
    record.finishedAt = new Date().toISOString();
  }

  /** Resolves when every delivery started so far (and any it queued behind) has finished. */
  async flush(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  /** Abandons deliveries in flight, so that stopping the emulator never waits for a slow merchant. */
  stop(): void {
    this.stopping.abort();
  }

  list(): CallbackRecord[] {
    return this.records;
  }

  clear(): void {
    this.records = [];
  }
}
