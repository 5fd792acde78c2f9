/**
 * Every call received under /api, newest last, so tests can count calls ("two match-triggers
 * answered 204") or prove that nothing reached Soisy. The X-Auth-Token is never recorded.
 */
export interface LoggedCall {
  seq: number;
  method: string;
  /** Path under the API base, without the query string: `/shops/partnershop/orders`. */
  path: string;
  query: Record<string, unknown>;
  /** The answer's status; `null` while in flight or when the connection was dropped. */
  status: number | null;
  at: string;
  body: unknown;
  contentType: string | null;
  /** Set when an injected fault applied to this call. */
  fault: string | null;
}

export class RequestLog {
  private entries: LoggedCall[] = [];
  private seq = 0;

  /** Load tests send millions of calls: only the newest `limit` are kept; `seq` keeps counting. */
  constructor(private readonly limit: number) {}

  begin(method: string, path: string, query: Record<string, unknown>, contentType: string | undefined): LoggedCall {
    const entry: LoggedCall = {
      seq: ++this.seq,
      method,
      path,
      query,
      status: null,
      at: new Date().toISOString(),
      body: null,
      contentType: contentType ?? null,
      fault: null,
    };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  list(): LoggedCall[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
