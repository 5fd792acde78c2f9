import { Injectable } from '@nestjs/common';
import type { Order } from '../generated/prisma/client.js';
import { SoisyError } from '../soisy/index.js';
import { OrdersRepository } from './orders.repository.js';
import { OrderErrors } from './orders.errors.js';
import { GATEWAY_FIELD_NAMES, withFieldNames } from './soisy-field-names.js';

/** What the loan-request and approval steps share: finding the order, and reading Soisy's failures. */
@Injectable()
export class CheckoutSteps {
  constructor(private readonly orders: OrdersRepository) {}

  async order(token: string): Promise<Order> {
    const order = await this.orders.findByToken(token);
    if (!order) throw OrderErrors.notFound();
    return order;
  }

  /**
   * A failed Soisy call changes no status, so the same step can be tried again. When Soisy may have
   * acted on it anyway, an event says so: the history then explains a later "already done" from Soisy.
   */
  async failed(order: Order, step: string, error: unknown): Promise<unknown> {
    if (error instanceof SoisyError && error.outcomeUnknown) {
      await this.orders.recordEvent(order.id, 'api', `${step}.outcome_unknown`, { code: error.code });
    }
    return withFieldNames(error, GATEWAY_FIELD_NAMES);
  }
}
