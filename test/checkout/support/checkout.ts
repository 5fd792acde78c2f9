import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { query } from '../../support/database.js';
import type { Stack } from '../../support/stack.js';
import { freshFiscalCode } from './fiscal-codes.js';

export { freshFiscalCode };

/** A unique merchant reference per call. */
export function reference(): string {
  return `ORD-${randomUUID().slice(0, 13)}`;
}

export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { amount: 100000, instalments: 12, orderReference: reference(), successUrl: 'https://shop.example.com/ok', errorUrl: 'https://shop.example.com/ko', ...overrides };
}

export function loanRequestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { instalments: 12, privacy: true, fiscalCode: freshFiscalCode(), jobDescription: 'employee_open_ended_contract', ...overrides };
}

export function approvalBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: 'mario.rossi@example.com', firstname: 'Mario', lastname: 'Rossi', mobilePhone: '3331234567', address: 'Via Roma',
    streetNumber: '12', city: 'Milano', province: 'MI', postalCode: '20121', citizenship: 'italian', ...overrides,
  };
}

export const ADDITIONAL_DATA = { residence: 'rent', residenceStartDate: '03/2019', educationalQualification: 'diploma', children: '0', salaryType: 'net-monthly', salary: 1800 };

/** Creates an order through the API and answers its token. */
export async function createOrder(stack: Stack, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await request(stack.url).post('/v1/orders').send(orderBody(overrides)).expect(201);
  return res.body.token;
}

/** An order with a loan request made: its token. */
export async function requestedOrder(stack: Stack, amount = 100000, loan: Record<string, unknown> = {}): Promise<string> {
  const token = await createOrder(stack, { amount });
  await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody(loan)).expect(201);
  return token;
}

/**
 * Polls `condition` every 20 ms until it holds, for at most 5 s: a test waits for what it can see
 * (a row, a call in the emulator's log) instead of sleeping and hoping the work is done by then.
 */
export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the emulator has delivered every callback (an approval fires one to the service). */
export async function settleCallbacks(stack: Stack): Promise<void> {
  await fetch(`${stack.emulator.url}/__emulator/callbacks/flush`, { method: 'POST' });
}

export interface Footprint {
  orders: number;
  events: number;
  idempotency: number;
  soisyCalls: number;
}

/**
 * What a request could have left behind: rows in our tables, calls in the emulator's log.
 * `checkoutOnly` leaves out what Soisy's callbacks cause in the background (their events, and the
 * Get order calls that confirm them), for files where approvals fire callbacks.
 */
export async function footprint(stack: Stack, checkoutOnly = false): Promise<Footprint> {
  const events = checkoutOnly ? `(SELECT count(*) FROM order_events WHERE source = 'api')` : '(SELECT count(*) FROM order_events)';
  const [counts] = await query<{ orders: string; events: string; idempotency: string }>(
    stack.db.url,
    `SELECT (SELECT count(*) FROM orders) AS orders, ${events} AS events, (SELECT count(*) FROM idempotency_records) AS idempotency`,
  );
  const calls = (await stack.soisyCalls()).filter((call) => !checkoutOnly || call.method !== 'GET');
  return { orders: Number(counts.orders), events: Number(counts.events), idempotency: Number(counts.idempotency), soisyCalls: calls.length };
}

/** Arms one of the emulator's faults (see src/emulator/README.md § Faults). */
export async function injectFault(stack: Stack, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (res.status !== 201) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}
