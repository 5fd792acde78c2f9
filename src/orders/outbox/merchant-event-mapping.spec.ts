import { merchantEventTypeFor } from './merchant-event-mapping.js';

describe('merchantEventTypeFor', () => {
  it.each([
    ['order.created', 'pending', 'created', 'order.created'],
    ['order.creation_recovered', 'pending', 'created', 'order.created'],
    ['loan_request.created', 'created', 'requested', 'order.requested'],
    ['approval.approved', 'requested', 'approved', 'order.approved'],
    ['approval.refused', 'requested', 'refused', 'order.refused'],
    ['callback.LoanWasApproved', 'requested', 'approved', 'order.approved'],
    ['callback.UserWasCompleted', 'approved', 'completed', 'order.completed'],
    ['callback.LoanWasVerified', 'completed', 'verified', 'order.verified'],
    ['reconciliation', 'verified', 'disbursed', 'order.disbursed'],
    ['sync', 'approved', 'cancelled', 'order.cancelled'],
  ] as const)('tells %s from %s to %s as %s', (type, fromStatus, toStatus, expected) => {
    expect(merchantEventTypeFor({ type, fromStatus, toStatus })).toBe(expected);
  });

  it.each([
    ['release.scheduled', 'order.release.scheduled'],
    ['release.succeeded', 'order.release.succeeded'],
    ['release.failed', 'order.release.failed'],
    ['release.outcome_unknown', 'order.release.unknown'],
    ['callback.amount_mismatch', 'order.amount_mismatch'],
  ])('tells the status-less %s as %s', (type, expected) => {
    expect(merchantEventTypeFor({ type })).toBe(expected);
  });

  it.each([
    ['order.creation_started', null, 'pending'],
    ['order.creation_retried', 'failed', 'pending'],
    ['order.creation_refused', 'pending', 'failed'],
    ['order.creation_absent', 'pending', 'failed'],
    ['approval.approved', 'approved', 'approved'],
    ['release.attempt_started', null, null],
    ['release.attempt_failed', null, null],
    ['release.claim_expired', null, null],
    ['callback.received', null, null],
    ['callback.LoanWasApproved.unchanged', null, null],
    ['sync.not_applied', null, null],
    ['order.creation_outcome_unknown', null, null],
  ] as const)('keeps %s (%s → %s) internal', (type, fromStatus, toStatus) => {
    expect(merchantEventTypeFor({ type, fromStatus, toStatus })).toBeNull();
  });
});
