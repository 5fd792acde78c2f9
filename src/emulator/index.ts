/** Starts a Soisy sandbox emulator in this process (tests) or from main.ts (standalone). */
import { CallbackDispatcher } from './callbacks.js';
import { type EmulatorOptions, resolveOptions } from './config.js';
import { type EmulatorContext, resetContext } from './context.js';
import { FaultRegistry } from './faults.js';
import { RequestLog } from './request-log.js';
import { buildServer } from './server.js';
import { EmulatorState } from './state.js';
import { selfSignedIdentity } from './tls.js';

export type { EmulatorOptions, Limits, ProfileName, ShopConfig } from './config.js';
export { DEFAULT_OPTIONS, DEFAULT_SHOP, PROFILES } from './config.js';
export type { CallbackRecord } from './callbacks.js';
export type { Fault, FaultAction, FaultSpec } from './faults.js';
export type { EmulatorContext } from './context.js';
export type { LoggedCall } from './request-log.js';
export type { Order, LoanRequest, SoisyStatus } from './state.js';

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:4010`: the funnel and /__emulator live here. */
  url: string;
  /** `url + '/api'`: what a client uses as Soisy's API base. */
  apiUrl: string;
  port: number;
  options: EmulatorOptions;
  /** HTTPS mode only: the self-signed certificate (PEM) a client must trust. */
  certificatePem?: string;
  /** In-process access to the same state the control API shows. */
  context: EmulatorContext;
  /** Same as `POST /__emulator/reset`. */
  reset(): void;
  /** Resolves when every callback fired so far has been delivered or has failed. */
  flushCallbacks(): Promise<void>;
  close(): Promise<void>;
}

/** A wildcard listen address is not a place to send a browser to. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(partial: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const options = resolveOptions(partial);
  let url = options.publicUrl?.replace(/\/$/, '') ?? '';
  const context: EmulatorContext = {
    options,
    state: new EmulatorState(),
    callbacks: new CallbackDispatcher({ timeoutMs: options.callbackTimeoutMs, timeZone: options.callbackTimeZone }),
    faults: new FaultRegistry(),
    requestLog: new RequestLog(options.requestLogLimit),
    baseUrl: () => url,
  };
  const tls = options.tls === true ? await selfSignedIdentity(options.host) : options.tls || undefined;
  const app = await buildServer(context, tls);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  url ||= `${tls ? 'https' : 'http'}://${reachableHost(options.host)}:${port}`;
  return {
    url,
    apiUrl: `${url}/api`,
    port,
    options,
    certificatePem: tls?.cert,
    context,
    reset: () => resetContext(context),
    flushCallbacks: () => context.callbacks.flush(),
    close: async () => {
      context.callbacks.stop();
      await app.close();
    },
  };
}
