import { Injectable } from '@nestjs/common';
import type { OrderViewDto } from './dto/order-view.dto.js';
import { toOrderView } from './order-view.mapper.js';
import { OrdersRepository } from './orders.repository.js';
import { OrderErrors } from './orders.errors.js';

@Injectable()
export class OrderViewService {
  constructor(private readonly orders: OrdersRepository) {}

  async view(token: string): Promise<OrderViewDto> {
    const order = await this.orders.findByTokenWithEvents(token);
    if (!order) throw OrderErrors.notFound();
    return toOrderView(order);
  }
}
