import { canTransition, isFinal, isReleasable, LOCAL_STATUS_OF, OPEN_STATUSES } from './order-lifecycle.js';

describe('the order lifecycle', () => {
  it('lets an order advance through the checkout', () => {
    expect(canTransition('pending', 'created')).toBe(true);
    expect(canTransition('created', 'requested')).toBe(true);
    expect(canTransition('requested', 'approved')).toBe(true);
    expect(canTransition('requested', 'refused')).toBe(true);
    expect(canTransition('approved', 'completed')).toBe(true);
    expect(canTransition('completed', 'verified')).toBe(true);
    expect(canTransition('verified', 'disbursed')).toBe(true);
  });

  it('accepts late callbacks that skip a step, but never goes back', () => {
    expect(canTransition('approved', 'verified')).toBe(true);
    expect(canTransition('verified', 'completed')).toBe(false);
    expect(canTransition('disbursed', 'verified')).toBe(false);
  });

  it('refuses a second decision on an approved or refused order', () => {
    expect(canTransition('approved', 'refused')).toBe(false);
    expect(canTransition('refused', 'approved')).toBe(false);
    expect(canTransition('approved', 'requested')).toBe(false);
  });

  it('cancels from any non-final status and from none of the final ones', () => {
    for (const from of ['created', 'requested', 'approved', 'completed', 'verified'] as const) {
      expect(canTransition(from, 'cancelled')).toBe(true);
    }
    for (const from of ['refused', 'disbursed', 'cancelled', 'failed', 'expired'] as const) {
      expect(isFinal(from)).toBe(true);
      expect(canTransition(from, 'cancelled')).toBe(false);
    }
  });

  it('reconciles the statuses Soisy can still move, and not an order without a token yet', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['approved', 'completed', 'created', 'requested', 'verified']);
  });

  it('expires only an order still in created or requested, and an expired order stays expired', () => {
    expect(canTransition('created', 'expired')).toBe(true);
    expect(canTransition('requested', 'expired')).toBe(true);
    for (const from of ['pending', 'approved', 'completed', 'verified', 'refused', 'disbursed', 'cancelled', 'failed'] as const) {
      expect(canTransition(from, 'expired')).toBe(false);
    }
    for (const to of ['created', 'requested', 'approved', 'cancelled'] as const) expect(canTransition('expired', to)).toBe(false);
    expect(isReleasable('expired')).toBe(false);
    expect(OPEN_STATUSES).not.toContain('expired');
  });

  it('releases only approved-or-later orders that are not cancelled', () => {
    expect(isReleasable('approved')).toBe(true);
    expect(isReleasable('disbursed')).toBe(true);
    expect(isReleasable('requested')).toBe(false);
    expect(isReleasable('cancelled')).toBe(false);
    expect(isReleasable('refused')).toBe(false);
  });

  it('reads each of Soisy\'s statuses as a local one', () => {
    expect(LOCAL_STATUS_OF.request_accepted).toBe('approved');
    expect(LOCAL_STATUS_OF.waiting_for_verification).toBe('completed');
    expect(LOCAL_STATUS_OF.waiting_for_disbursement).toBe('verified');
    expect(LOCAL_STATUS_OF.cancelled).toBe('cancelled');
  });
});
