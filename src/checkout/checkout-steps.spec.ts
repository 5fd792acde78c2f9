import { Clock } from '../common/clock.js';
import type { Order } from '../orders/order.js';
import type { AlsoInTransaction, OrdersRepository } from '../orders/orders.repository.js';
import type { StepClaim } from '../orders/step-claim.js';
import { SoisyError } from '../soisy/index.js';
import { CheckoutSteps } from './checkout-steps.js';

const now = new Date('2026-11-29T10:00:00.000Z');
const clock = new (class extends Clock {
  now = () => new Date(now);
})();
const claim: StepClaim = { orderId: 'o1', step: 'approval', id: 'c1' };
const soisyError = (outcomeUnknown: boolean) => new SoisyError('upstream', 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.', 'requestApproval', outcomeUnknown, 500);

function sut() {
  const released: Array<{ claim: StepClaim; inTransaction: boolean }> = [];
  const events: string[] = [];
  const claims = { release: async (held: StepClaim, tx?: unknown) => void released.push({ claim: held, inTransaction: tx !== undefined }) };
  const orders = {
    steps: claims,
    recordEvent: async (_orderId: string, _source: string, type: string, _data: unknown, also?: AlsoInTransaction) => {
      events.push(type);
      await also?.({} as never);
    },
  };
  const steps = new CheckoutSteps(orders as unknown as OrdersRepository, clock);
  return { steps, released, events };
}

const held = (stepClaimExpiresAt: Date | null) => ({ stepClaim: stepClaimExpiresAt ? 'loan_request' : null, stepClaimExpiresAt }) as Order;

describe('the checkout steps\' claim on an order', () => {
  it('answers 409 ORDER.STEP_IN_PROGRESS with Retry-After while a live claim holds the order', () => {
    const { steps } = sut();
    expect(() => steps.assertNotInProgress(held(new Date(now.getTime() + 1)))).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'ORDER.STEP_IN_PROGRESS', extensions: { step: 'loan_request' }, headers: { 'retry-after': '2' } }),
    );
  });

  it('lets the step run when no claim holds the order, or its holder\'s lease has run out', () => {
    const { steps } = sut();
    expect(() => steps.assertNotInProgress(held(null))).not.toThrow();
    expect(() => steps.assertNotInProgress(held(now))).not.toThrow();
  });

  it('frees the claim when Soisy refused, so the step can be tried again', async () => {
    const { steps, released, events } = sut();
    const error = soisyError(false);
    expect(await steps.failed(claim, error)).toBe(error);
    expect(released).toEqual([{ claim, inTransaction: false }]);
    expect(events).toEqual([]);
  });

  it('frees the claim and records that Soisy may have acted, in one transaction, when the outcome is unknown', async () => {
    const { steps, released, events } = sut();
    await steps.failed(claim, soisyError(true));
    expect(events).toEqual(['approval.outcome_unknown']);
    expect(released).toEqual([{ claim, inTransaction: true }]);
  });

  it('frees the claim after an error of our own too', async () => {
    const { steps, released } = sut();
    const error = new Error('database went away');
    expect(await steps.failed({ ...claim, step: 'loan_request' }, error)).toBe(error);
    expect(released).toHaveLength(1);
  });
});
