import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppPorts } from '../../../src/app.module.js';
import request from 'supertest';
import type { TestDatabase } from '../../support/database.js';
import type { Stack } from '../../support/stack.js';
import { ADDITIONAL_DATA, approvalBody, freshFiscalCode, loanRequestBody, orderBody } from '../../checkout/support/checkout.js';
import { fireEvent, settleCallbacks, startBackOfficeStack, type FakeClock } from '../../back-office/support/back-office.js';
import { startSecondInstance } from '../../back-office/support/second-instance.js';

export { deliverDue, endpointEnv, newSecret } from '../../support/merchant-events.js';
export { fireEvent, settleCallbacks };

/**
 * The service as a merchant runs it (real PostgreSQL, the Soisy emulator over HTTP, callbacks
 * reaching it on a real port), configured with `env`; the scheduler is off and the clock is fake,
 * so a test runs delivery itself (`deliverDue`) and moves time itself.
 */
export interface EventsApp {
  app: NestFastifyApplication;
  stack: Stack;
  db: TestDatabase;
  clock: FakeClock;
  close(): Promise<void>;
}

export async function startEventsApp(env: Record<string, string>, ports: Omit<AppPorts, 'clock'> = {}): Promise<EventsApp> {
  const { stack, clock } = await startBackOfficeStack(env, ports);
  return { app: stack.app, stack, db: stack.db, clock, close: () => stack.close() };
}

/** Another replica on the same database, Soisy and clock, configured with `env` (its merchant endpoints). */
export async function startSecondEventsApp(first: EventsApp, env: Record<string, string>): Promise<EventsApp> {
  const instance = await startSecondInstance(first.stack, first.clock, env);
  return { app: instance.app, stack: { ...first.stack, app: instance.app, url: instance.url }, db: first.db, clock: first.clock, close: () => instance.close() };
}

/** An order the storefront made, and the codice fiscale its shopper gave (which no event may show unmasked). */
export interface CheckoutOrder {
  token: string;
  fiscalCode: string;
}

const call = async (res: request.Response, expected: number, what: string) => {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** POST /v1/orders through `sut`'s storefront API: the order is `created` (event `order.created`). */
export async function createdOrder(sut: EventsApp, amount = 100000): Promise<string> {
  const body = await call(await request(sut.stack.url).post('/v1/orders').send(orderBody({ amount })), 201, 'create order');
  return body.token;
}

/** Create → loan request: the order is `requested`. Above 500,000 cents Soisy wants additional data at approval. */
export async function requestedOrder(sut: EventsApp, amount = 100000): Promise<CheckoutOrder> {
  return loanRequest(sut, await createdOrder(sut, amount), amount);
}

/** The loan request of a created order (`order.requested`), with a fresh codice fiscale. */
export async function loanRequest(sut: EventsApp, token: string, amount: number): Promise<CheckoutOrder> {
  const fiscalCode = freshFiscalCode();
  await call(await request(sut.stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode, amount })), 201, 'loan request');
  return { token, fiscalCode };
}

/**
 * Create → loan request → approval through the storefront API, the approval's LoanWasApproved
 * callback landed: `order.created`, `order.requested`, `order.approved` are recorded.
 */
export async function approvedOrder(sut: EventsApp, amount = 100000): Promise<CheckoutOrder> {
  const order = await requestedOrder(sut, amount);
  const status = await decide(sut, order.token, true);
  if (status !== 'approved') throw new Error(`approval: status ${status}`);
  return order;
}

/**
 * The approval call (`additionalData`: what Soisy wants above 500,000 cents), expecting Soisy's
 * decision `approved`; the callback it causes has landed when this returns. Over 1,000,000 cents
 * the sandbox refuses. Answers the order's status as the API reported it.
 */
export async function decide(sut: EventsApp, token: string, approved: boolean, additionalData = false): Promise<string> {
  const body = await call(await request(sut.stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody(additionalData ? ADDITIONAL_DATA : {})), 200, 'approval');
  if (body.approved !== approved) throw new Error(`approval: ${JSON.stringify(body)}`);
  await settleCallbacks(sut.stack);
  return body.status;
}

/** The order as GET /v1/orders/{token} shows it now. */
export async function orderView(sut: EventsApp, token: string): Promise<Record<string, unknown> & { status: string; events: unknown[] }> {
  return (await request(sut.stack.url).get(`/v1/orders/${token}`).expect(200)).body;
}

/** Soisy (the emulator) cancels the order: `order.cancelled`. */
export function cancelByRejection(sut: EventsApp, token: string): Promise<void> {
  return fireEvent(sut.stack, token, 'UserWasRejected');
}
