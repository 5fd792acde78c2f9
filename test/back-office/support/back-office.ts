import request from 'supertest';
import { CallbackConfirmations } from '../../../src/callbacks/callback-confirmations.js';
import { Clock } from '../../../src/common/clock.js';
import type { CallbackRecord, Order as EmulatorOrder } from '../../../src/emulator/index.js';
import { jsonOf } from '../../support/json.js';
import { ADMIN_KEY, startStack, type Stack } from '../../support/stack.js';
import type { AppPorts } from '../../../src/app.module.js';

/** Every back-office test starts the scheduler by hand (`runOnce`) on a clock it moves itself. */
export const BACK_OFFICE_ENV = {
  SCHEDULER_ENABLED: 'false',
  RATE_LIMIT_PER_MINUTE: '100000',
  RELEASE_MAX_ATTEMPTS: '3',
  RELEASE_RETRY_BASE_SECONDS: '60',
  RECONCILE_AFTER_MINUTES: '30',
  RECONCILE_BATCH_SIZE: '2',
};

export class FakeClock extends Clock {
  private current = new Date();

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function startBackOfficeStack(env: Record<string, string> = {}, ports: Omit<AppPorts, 'clock'> = {}): Promise<{ stack: Stack; clock: FakeClock }> {
  const clock = new FakeClock();
  const stack = await startStack({ ...BACK_OFFICE_ENV, ...env }, {}, { ...ports, clock });
  return { stack, clock };
}

export const bearer = { authorization: `Bearer ${ADMIN_KEY}` };

/** A back-office call: the service's URL with the API key. */
export function backOffice(stack: Stack) {
  return {
    get: (path: string) => request(stack.url).get(path).set(bearer),
    post: (path: string, body: object = {}) => request(stack.url).post(path).set(bearer).send(body),
  };
}

/**
 * Has the emulator fire one of Soisy's events, waits until our service has answered the callback
 * (the emulator's flush) and confirmed it with Get order (our drain): no polling, no sleeps.
 */
export async function fireEvent(stack: Stack, token: string, eventId: string, extras: Record<string, unknown> = {}): Promise<void> {
  const res = await fetch(`${stack.emulator.url}/__emulator/orders/${token}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ eventId, ...extras }),
  });
  if (res.status !== 200) throw new Error(`emulator event: ${res.status} ${await res.text()}`);
  await settleCallbacks(stack);
}

export async function settleCallbacks(stack: Stack): Promise<CallbackRecord[]> {
  const delivered = await jsonOf<CallbackRecord[]>(fetch(`${stack.emulator.url}/__emulator/callbacks/flush`, { method: 'POST' }));
  await stack.app.get(CallbackConfirmations).drain();
  return delivered;
}

/** The callback URL Soisy was given for an order (as the emulator stored it). */
export async function callbackUrlOf(stack: Stack, token: string): Promise<string> {
  const order = await jsonOf<EmulatorOrder>(fetch(`${stack.emulator.url}/__emulator/orders/${token}`));
  if (order.callbackUrl === null) throw new Error(`the emulator's order ${token} has no callback URL`);
  return order.callbackUrl;
}

/** Match-trigger calls that reached the emulator for an order, with their HTTP answers. */
export async function matchTriggers(stack: Stack, token: string): Promise<Array<{ status: number | null; body: unknown }>> {
  return (await stack.soisyCalls()).filter((call) => call.method === 'POST' && call.path.endsWith(`/orders/${token}/match-trigger`));
}

export async function successfulMatchTriggers(stack: Stack, token: string): Promise<number> {
  return (await matchTriggers(stack, token)).filter((call) => call.status !== null && call.status >= 200 && call.status < 300).length;
}

export { injectFault } from '../../checkout/support/checkout.js';

/** The order as the storefront route shows it, with its events. */
export async function orderOf(stack: Stack, token: string): Promise<{ status: string; events: Array<{ type: string; source: string; fromStatus: string | null; toStatus: string | null }> }> {
  return (await request(stack.url).get(`/v1/orders/${token}`).expect(200)).body;
}
