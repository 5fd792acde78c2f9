import { AppError } from '../errors/app-error.js';

export const AuthErrors = {
  /** One answer for a missing, malformed or wrong key: a caller learns nothing about the keys. */
  unauthorized: () =>
    new AppError('unauthorized', 'AUTH.UNAUTHORIZED', 'A valid back-office API key is required (Authorization: Bearer <key>).'),
};
