import { AppError } from '../common/errors/app-error.js';
import type { OrderStatus } from '../generated/prisma/enums.js';

/** Stable error codes of the orders capability; the HTTP edge turns their kind into a status. */
export const OrderErrors = {
  notFound: () => new AppError('not_found', 'ORDER.NOT_FOUND', 'No order has this token.'),
  illegalTransition: (from: OrderStatus, to: OrderStatus) =>
    new AppError('conflict', 'ORDER.ILLEGAL_TRANSITION', `An order in status "${from}" cannot become "${to}".`, {
      orderStatus: from,
    }),
};
