import { AppError } from '../common/errors/app-error.js';

export const CallbackErrors = {
  /** Wrong secret, unknown order, or a token of another order: the same answer, saying nothing. */
  notFound: () => new AppError('not_found', 'CALLBACK.NOT_FOUND', 'Not found.'),
};
