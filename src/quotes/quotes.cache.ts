import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

/** Enough for every amount/term pair a busy catalogue shows; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Quotes change rarely and storefronts ask on every product page: answers are kept for
 * `quotesCacheTtlSeconds`, and concurrent misses for the same key share one upstream call, so a
 * traffic spike on a new product reaches Soisy once. Failures are not kept.
 */
@Injectable()
export class QuotesCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly ttlMs: number;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.ttlMs = config.quotesCacheTtlSeconds * 1000;
  }

  /** The fresh value kept for `key`, or undefined (absent or expired); never loads. */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > this.clock.now().getTime() ? entry.value : undefined;
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    if (entry) this.entries.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = load()
      .then((value) => {
        this.store(key, value);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private store(key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAt: this.clock.now().getTime() + this.ttlMs });
  }
}
