import { Injectable } from '@nestjs/common';
import type { OrderViewDto } from '../orders/order-view.dto.js';
import { toOrderView } from '../orders/order-view.mapper.js';
import { OrdersRepository } from '../orders/orders.repository.js';

@Injectable()
export class OrderViewService {
  constructor(private readonly orders: OrdersRepository) {}

  async view(token: string): Promise<OrderViewDto> {
    return toOrderView(await this.orders.findByTokenWithEventsOrThrow(token));
  }
}
