import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { MerchantEventType } from '../orders/outbox/index.js';
import type { ListEventsQuery } from './dto/list-events.query.js';
import { PAGE_LIMIT_DEFAULT } from '../common/http/keyset-page.query.js';
import type { MerchantEventDetailDto, MerchantEventPageDto } from './dto/merchant-event.dto.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import { MerchantEventErrors } from './merchant-events.errors.js';
import { MerchantEventsRepository } from './merchant-events.repository.js';
import { toEventDetail, toEventSummary } from './merchant-event.view.js';

@Injectable()
export class MerchantEventsService {
  constructor(private readonly events: MerchantEventsRepository, private readonly config: AppConfig, private readonly clock: Clock) {}

  async list(query: ListEventsQuery): Promise<MerchantEventPageDto> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const rows = await this.events.list({
      type: query.type,
      orderToken: query.orderToken,
      delivered: query.delivered === undefined ? undefined : query.delivered === 'true',
      before: query.cursor === undefined ? undefined : decodeEventCursor(query.cursor),
      limit,
    });
    const last = rows.at(-1);
    return { items: rows.map(toEventSummary), nextCursor: rows.length === limit && last ? encodeEventCursor(last.sequence) : null };
  }

  async get(id: string): Promise<MerchantEventDetailDto> {
    const event = await this.events.findWithAttempts(id);
    if (!event) throw MerchantEventErrors.notFound();
    return toEventDetail(event);
  }

  /**
   * Sends the event again, with the same id and body (freshly signed), to every endpoint configured
   * now for its type: one new delivery each, due at once, retried like any other.
   */
  async resend(id: string): Promise<MerchantEventDetailDto> {
    const event = await this.events.findWithAttempts(id);
    if (!event) throw MerchantEventErrors.notFound();
    const endpoints = this.config.merchantEvents.endpoints
      .filter((endpoint) => endpoint.types.includes(event.type as MerchantEventType))
      .map((endpoint) => endpoint.url);
    if (endpoints.length === 0) throw MerchantEventErrors.noEndpoint();
    await this.events.addDeliveries(event, endpoints, this.clock.now());
    return this.get(id);
  }
}
