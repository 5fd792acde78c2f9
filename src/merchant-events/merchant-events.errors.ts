import { AppError } from '../common/errors/app-error.js';

/** Stable codes of the merchant events capability; the HTTP edge turns their kind into a status. */
export const MerchantEventErrors = {
  notFound: () => new AppError('not_found', 'EVENT.NOT_FOUND', 'No event has this id.'),
  noEndpoint: () =>
    new AppError('conflict', 'EVENT.NO_ENDPOINT', 'No configured endpoint receives this event type; nothing to resend it to.'),
};
