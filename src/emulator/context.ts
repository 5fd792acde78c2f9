/** What every route of one running emulator shares. */
import type { CallbackDispatcher } from './callbacks.js';
import type { EmulatorOptions } from './config.js';
import type { FaultRegistry } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { EmulatorState } from './state.js';

export interface EmulatorContext {
  options: EmulatorOptions;
  state: EmulatorState;
  callbacks: CallbackDispatcher;
  faults: FaultRegistry;
  requestLog: RequestLog;
  /** Base of the URLs the emulator hands out, known once the server listens. */
  baseUrl: () => string;
}

export function funnelUrl(context: EmulatorContext, shopId: string, token: string): string {
  return `${context.baseUrl()}/funnel/${encodeURIComponent(shopId)}#/loan-request?token=${encodeURIComponent(token)}`;
}

/** Forgets orders, requests, the call log, callbacks and faults; configuration stays. */
export function resetContext(context: EmulatorContext): void {
  context.state.clear();
  context.requestLog.clear();
  context.callbacks.clear();
  context.faults.clear();
}
