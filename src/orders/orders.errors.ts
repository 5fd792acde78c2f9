import { AppError, retryAfter } from '../common/errors/app-error.js';
import type { CheckoutStep, OrderStatus } from './order.js';
import { STEP_RETRY_AFTER_SECONDS } from './step-claim.js';

const STEP_NAMES: Record<CheckoutStep, string> = { loan_request: 'A loan request', approval: 'An approval' };

/** Stable error codes of the orders capability; the HTTP edge turns their kind into a status. */
export const OrderErrors = {
  notFound: () => new AppError('not_found', 'ORDER.NOT_FOUND', 'No order has this token.'),
  illegalTransition: (from: OrderStatus, to: OrderStatus) =>
    new AppError('conflict', 'ORDER.ILLEGAL_TRANSITION', `An order in status "${from}" cannot become "${to}".`, {
      orderStatus: from,
    }),
  /** The token of an existing order is a capability: name it by the merchant's reference only. */
  referenceTaken: (orderReference: string, orderStatus: OrderStatus) =>
    new AppError('conflict', 'ORDER.REFERENCE_TAKEN', `An order with reference "${orderReference}" already exists.`, {
      orderReference,
      orderStatus,
    }),
  creationPending: (orderReference: string) =>
    new AppError(
      'conflict',
      'ORDER.CREATION_PENDING',
      `The order with reference "${orderReference}" is being created, or Soisy's answer to its creation was lost and it is being looked up in Soisy's order list. Retry later (see Retry-After) with the same Idempotency-Key.`,
      { orderReference, orderStatus: 'pending' },
    ),
  loanRequestNotAllowed: (orderStatus: OrderStatus) =>
    new AppError('conflict', 'ORDER.LOAN_REQUEST_NOT_ALLOWED', `A loan request cannot be made on an order in status "${orderStatus}".`, {
      orderStatus,
    }),
  loanRequestRequired: () =>
    new AppError('conflict', 'ORDER.LOAN_REQUEST_REQUIRED', 'This order has no loan request yet: make one before asking for approval.', {
      orderStatus: 'created',
    }),
  alreadyDecided: (orderStatus: OrderStatus) =>
    new AppError('conflict', 'ORDER.ALREADY_DECIDED', `Soisy has already decided on this order (status "${orderStatus}"); an approval cannot be repeated.`, {
      orderStatus,
    }),
  /** Another request (here or on another instance) is calling Soisy for this order right now. */
  stepInProgress: (step: CheckoutStep | null) =>
    new AppError(
      'conflict',
      'ORDER.STEP_IN_PROGRESS',
      `${step ? STEP_NAMES[step] : 'A checkout step'} for this order is being sent to Soisy right now; retry in a moment to get its answer.`,
      step ? { step } : {},
      [],
      retryAfter(STEP_RETRY_AFTER_SECONDS),
    ),
  approvalNotAllowed: (orderStatus: OrderStatus) =>
    new AppError('conflict', 'ORDER.APPROVAL_NOT_ALLOWED', `An approval cannot be asked for an order in status "${orderStatus}".`, {
      orderStatus,
    }),
};
