import { Injectable } from '@nestjs/common';
import { parseIsoInstant } from '../common/validation/iso-instant.js';
import { OrderSyncService } from '../orders/order-sync.service.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { toBackOfficeHistory, toBackOfficeListItem, toBackOfficeOrder } from './back-office-order.view.js';
import type { BackOfficeOrderHistoryDto } from './dto/back-office-order-history.dto.js';
import type { OrderPageDto } from './dto/back-office-order.dto.js';
import type { ListOrdersQuery } from './dto/list-orders.query.js';
import type { SyncedOrderDto } from './dto/synced-order.dto.js';
import { decodeCursor, encodeCursor } from './order-cursor.js';

@Injectable()
export class BackOfficeOrdersService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly syncService: OrderSyncService,
  ) {}

  async listOrders(query: ListOrdersQuery): Promise<OrderPageDto> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    // One more than asked: its presence says there is a next page without a COUNT.
    const rows = await this.orders.list({ status: query.status, from: parseIsoInstant(query.from), to: parseIsoInstant(query.to), after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const actions = await this.orders.lastActions(page.map((order) => order.id));
    return {
      items: page.map((order) => toBackOfficeListItem(order, actions.get(order.id))),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  /** The order and its whole history, with who acted on each back-office event. */
  async history(token: string): Promise<BackOfficeOrderHistoryDto> {
    return toBackOfficeHistory(await this.orders.findByTokenWithEventsOrThrow(token));
  }

  /** Soisy's Get order, normalised, applied when the lifecycle allows it; recorded either way. */
  async syncOrder(token: string, actor: string): Promise<SyncedOrderDto> {
    const order = await this.orders.findByTokenOrThrow(token);
    const result = await this.syncService.syncOrder(order, { source: 'sync', type: 'sync', recordUnchanged: true, actor });
    return {
      order: toBackOfficeOrder(result.order),
      sync: { soisyStatus: result.soisyStatus, from: result.from, confirmed: result.confirmed, applied: result.applied },
    };
  }
}
