import { AppError, retryAfter } from '../../common/errors/app-error.js';
import { STEP_RETRY_AFTER_SECONDS } from '../../orders/step-claim.js';
import type { CancellationRefusal, FirstCancellation } from '../../orders/orders.repository.js';

const RELEASE_DETAIL = {
  in_progress: 'A match-trigger for this order is being sent to Soisy right now: the release started first and wins.',
  released: 'The order was released (its financing started at Soisy): it can no longer be cancelled here.',
  unknown: 'A match-trigger may have reached Soisy without an answer: resolve the release first (POST /v1/orders/{token}/release/resolution).',
} as const;

const STEP_DETAIL = { loan_request: 'The shopper\'s loan request', approval: 'The shopper\'s approval' } as const;

/** Stable codes of the merchant cancellation; the HTTP edge turns their kind into a status. */
export const CancellationErrors = {
  /** A repeat with another reason: the first cancellation stands and this one is not recorded. */
  alreadyCancelled: (first: FirstCancellation) =>
    new AppError('conflict', 'ORDER.ALREADY_CANCELLED',
      'The merchant already cancelled this order for another reason; that cancellation stands and this one was not recorded. '
      + 'Repeat the first reason to read the order, or see its history (GET /v1/orders/{token}/history).',
      { cancelledBy: first.actor, cancelledAt: first.at.toISOString(), reason: first.reason }),
  refused: (refusal: CancellationRefusal) => {
    switch (refusal.because) {
      case 'release':
        return new AppError('conflict', 'ORDER.NOT_CANCELLABLE', RELEASE_DETAIL[refusal.releaseStatus], { releaseStatus: refusal.releaseStatus });
      case 'step':
        // Soisy is answering the shopper's loan request or approval right now: the cancel is decided after it (Retry-After).
        return new AppError('conflict', 'ORDER.STEP_IN_PROGRESS', `${STEP_DETAIL[refusal.step]} for this order is being sent to Soisy right now: `
          + 'its answer is recorded first; retry the cancel in a moment.', { step: refusal.step }, [], retryAfter(STEP_RETRY_AFTER_SECONDS));
      case 'status':
        return new AppError('conflict', 'ORDER.NOT_CANCELLABLE', `An order in status "${refusal.status}" cannot be cancelled: it is final (or not yet created).`, { orderStatus: refusal.status });
    }
  },
};
