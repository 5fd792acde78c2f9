import request from 'supertest';
import type { Stack } from '../../support/stack.js';
import { approvalBody, loanRequestBody, orderBody } from '../../checkout/support/checkout.js';
import { settleCallbacks } from './back-office.js';

/** A new order through the storefront API (status `created`): its token. */
export async function createdOrder(stack: Stack, amount = 100000, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await request(stack.url).post('/v1/orders').send(orderBody({ amount, ...overrides }));
  if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/**
 * An order driven to `approved` through the storefront API: create → loan request → approval.
 * Amounts up to 500,000 cents need no additional data; above 1,000,000 the sandbox refuses. The
 * LoanWasApproved callback the approval causes has been received and confirmed when this returns.
 */
export async function approvedOrder(stack: Stack, amount = 100000): Promise<string> {
  const token = await createdOrder(stack, amount);
  const loan = await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody());
  if (loan.status !== 201) throw new Error(`loan request: ${loan.status} ${JSON.stringify(loan.body)}`);
  const approval = await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody());
  if (approval.status !== 200 || approval.body.status !== 'approved') throw new Error(`approval: ${approval.status} ${JSON.stringify(approval.body)}`);
  // The approval made the emulator send LoanWasApproved: let it land before the test goes on.
  await settleCallbacks(stack);
  return token;
}
