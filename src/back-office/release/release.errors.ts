import { AppError, ValidationFailed } from '../../common/errors/app-error.js';
import type { OrderStatus, ReleaseStatus } from '../../orders/order.js';

/** Stable codes of the release capability; the HTTP edge turns their kind into a status. */
export const ReleaseErrors = {
  notReleasable: (orderStatus: OrderStatus) =>
    new AppError('conflict', 'RELEASE.NOT_RELEASABLE', `An order in status "${orderStatus}" cannot be released: it must be approved (or later) and not cancelled.`, {
      orderStatus,
    }),
  amountTooHigh: (orderAmount: number) =>
    new ValidationFailed([{ field: 'amount', message: `amount must not exceed the order amount (${orderAmount} cents)` }]),
  releaseAtNotInFuture: () =>
    new ValidationFailed([{ field: 'releaseAt', message: 'releaseAt must be in the future; omit it to release now' }]),
  releaseAtTooFar: (years: number) =>
    new ValidationFailed([{ field: 'releaseAt', message: `releaseAt must be at most ${years} years ahead` }]),
  inProgress: () =>
    new AppError('conflict', 'RELEASE.IN_PROGRESS', 'A match-trigger for this order is being sent to Soisy right now; read the order again shortly.'),
  alreadyReleased: (releasedAmount: number | null) =>
    new AppError('conflict', 'RELEASE.ALREADY_RELEASED', 'This order was already released with another amount; a release cannot be repeated.', {
      releasedAmount,
    }),
  /** Earlier attempt, outcome unknown: repeating it could start the financing twice. */
  outcomeUnknown: () =>
    new AppError(
      'conflict',
      'RELEASE.OUTCOME_UNKNOWN',
      'An earlier match-trigger may have reached Soisy without an answer; it is not repeated automatically. Check the order with Soisy.',
    ),
  /** This request's own attempt, outcome unknown. */
  attemptOutcomeUnknown: () =>
    new AppError(
      'upstream',
      'RELEASE.OUTCOME_UNKNOWN',
      'Soisy did not answer the match-trigger clearly; it may have been received. It is not repeated automatically: check the order with Soisy.',
    ),
  failed: (lastError: string | null) =>
    new AppError('upstream', 'RELEASE.FAILED', `Soisy refused the match-trigger and no attempts are left: ${lastError ?? 'no reason given'}.`),
  /** A resolution is for a release in `unknown` only (or a repeat of the one that settled it). */
  notUnknown: (releaseStatus: ReleaseStatus) =>
    new AppError(
      'conflict',
      'RELEASE.NOT_UNKNOWN',
      `The release is "${releaseStatus}", not "unknown": only a release whose outcome is unknown can be resolved (or the same resolution repeated).`,
      { releaseStatus },
    ),
  changedMeanwhile: () =>
    new AppError('conflict', 'RELEASE.CHANGED', 'The order changed while this request ran; read it again and retry if needed.'),
};
