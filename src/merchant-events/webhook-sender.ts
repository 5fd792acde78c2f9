import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, request } from 'undici';
import { AppConfig } from '../config/app-config.js';

/** One POST's outcome; `errorClass` null means delivered (a 2xx in time). */
export interface PostOutcome {
  /** The endpoint's HTTP status; null when no answer came. */
  statusCode: number | null;
  /** Wall time of the POST, ms. */
  durationMs: number;
  /** `http_<status>`, `timeout`, `connection_refused`, `connection_reset`, `dns`, `tls`, `network`. */
  errorClass: string | null;
}

/** Bytes of an endpoint's answer read before it is dropped: the body means nothing to us. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs signed JSON to merchant endpoints over one pool of keep-alive connections (undici), with
 * one deadline per POST covering connect, send and answer. Redirects are not followed (a 3xx is a
 * failed attempt): an event must reach the URL the merchant configured.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly timeoutMs: number;
  private readonly agent: Agent;

  constructor(config: AppConfig) {
    this.timeoutMs = config.merchantEvents.timeoutMs;
    this.agent = new Agent({ connect: { timeout: this.timeoutMs }, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, keepAliveTimeout: 4_000 });
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const answer = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'soisy-bff-webhooks/1' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await answer.body.dump({ limit: MAX_ANSWER_BYTES }).catch(() => undefined);
      const ok = answer.statusCode >= 200 && answer.statusCode < 300;
      return { statusCode: answer.statusCode, durationMs: elapsed(), errorClass: ok ? null : `http_${answer.statusCode}` };
    } catch (error) {
      return { statusCode: null, durationMs: elapsed(), errorClass: classify(error) };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }
}

/** The kind of transport failure, for the attempt log and metrics (never the message: it may hold the URL). */
export function classify(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
  const which = code ?? cause ?? '';
  if (name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/.test(which) || which === 'ETIMEDOUT') return 'timeout';
  if (which === 'ECONNREFUSED') return 'connection_refused';
  if (which === 'ECONNRESET' || which === 'EPIPE' || which === 'UND_ERR_SOCKET' || which === 'UND_ERR_CLOSED') return 'connection_reset';
  if (which === 'ENOTFOUND' || which === 'EAI_AGAIN') return 'dns';
  if (/CERT|TLS|SSL/.test(which)) return 'tls';
  return 'network';
}
