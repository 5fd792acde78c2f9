import { AppError, ValidationFailed } from '../errors/app-error.js';

export const IdempotencyErrors = {
  inProgress: () =>
    new AppError('conflict', 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry once it has finished.'),
  mismatch: () =>
    new AppError(
      'unprocessable',
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used with a different request; use a new key for a different request.',
    ),
  malformedKey: () =>
    new ValidationFailed([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }]),
};
