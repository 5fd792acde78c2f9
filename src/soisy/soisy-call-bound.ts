import type { SoisyConfig } from '../config/app-config.js';
import { soisyCallBudgetMs } from './soisy-deadline.js';

/** Time after a call's budget for its answer to be handled (a slow event loop, a clock step). */
const CALL_END_MARGIN_MS = 2_000;

/**
 * The longest one gateway call can take, retries and their waits included (ms): the call's budget
 * (`SOISY_CALL_BUDGET_MS`, enforced by CallDeadline in soisy-deadline.ts) plus a margin. Work that
 * must not overlap a call still running elsewhere (deciding a lost creation, taking over a
 * callback's confirmation) waits this long.
 */
export function soisyCallBoundMs(config: Pick<SoisyConfig, 'callBudgetMs' | 'connectTimeoutMs' | 'timeoutMs'>): number {
  return soisyCallBudgetMs(config) + CALL_END_MARGIN_MS;
}

/** The instant by which a call starting at `now` has ended: the lease of work that makes one. */
export function afterLongestCall(config: Pick<SoisyConfig, 'callBudgetMs' | 'connectTimeoutMs' | 'timeoutMs'>, now: Date): Date {
  return new Date(now.getTime() + soisyCallBoundMs(config));
}
