import { AppError, retryAfter } from '../../common/errors/app-error.js';

export const OrderListReportErrors = {
  noReport: () => new AppError('not_found', 'RECONCILIATION.NO_REPORT', 'No reconciliation report has been made yet; POST /v1/reconciliation/runs makes one.'),
  /** Another replica (or request) is comparing the list now; its report will be the latest. */
  runInProgress: (seconds: number) =>
    new AppError('conflict', 'RECONCILIATION.RUN_IN_PROGRESS', 'A reconciliation with Soisy\'s order list is running; its report will be the latest. Retry after it (see Retry-After).', {}, [], retryAfter(seconds)),
};
