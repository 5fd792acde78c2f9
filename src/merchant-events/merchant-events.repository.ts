import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import type { MerchantEventPayload } from '../orders/outbox/index.js';
import type { EventWithAttempts, EventWithDeliveries } from './merchant-event.js';

export interface EventListFilter {
  type?: string;
  orderToken?: string;
  /** false: some endpoint has not received it; true: every endpoint has. */
  delivered?: boolean;
  /** Only events before this sequence (the cursor). */
  before?: bigint;
  limit: number;
}

const WITH_DELIVERIES = { deliveries: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } satisfies Prisma.MerchantEventInclude;
const WITH_ATTEMPTS = {
  deliveries: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { attemptLog: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } },
} satisfies Prisma.MerchantEventInclude;

/** The stored payload is the body the outbox wrote (MerchantEventPayload); Prisma only knows it as JSON. */
function withPayload<T extends { payload: Prisma.JsonValue }>(row: T): Omit<T, 'payload'> & { payload: MerchantEventPayload } {
  return { ...row, payload: row.payload as unknown as MerchantEventPayload };
}

/**
 * A delivery still owed: pending or failed, with no later (or simultaneous) delivery of the same
 * event to the same endpoint delivered. A failed event resent and then delivered is owed no more.
 */
const OWED = Prisma.sql`EXISTS (
  SELECT 1 FROM merchant_event_deliveries d
  WHERE d."eventId" = ev.id AND d.status <> 'delivered'
    AND NOT EXISTS (
      SELECT 1 FROM merchant_event_deliveries ok
      WHERE ok."eventId" = ev.id AND ok.endpoint = d.endpoint AND ok.status = 'delivered' AND ok."createdAt" >= d."createdAt"))`;

@Injectable()
export class MerchantEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first by sequence (unique), so a page boundary never skips or repeats an event. */
  async list(filter: EventListFilter): Promise<EventWithDeliveries[]> {
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (filter.type) conditions.push(Prisma.sql`ev.type = ${filter.type}`);
    if (filter.orderToken) conditions.push(Prisma.sql`ev."orderToken" = ${filter.orderToken}`);
    if (filter.before !== undefined) conditions.push(Prisma.sql`ev.sequence < ${filter.before}`);
    if (filter.delivered === false) conditions.push(OWED);
    if (filter.delivered === true) {
      conditions.push(Prisma.sql`NOT ${OWED} AND EXISTS (SELECT 1 FROM merchant_event_deliveries x WHERE x."eventId" = ev.id)`);
    }
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT ev.id::text AS id FROM merchant_events ev
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ev.sequence DESC LIMIT ${filter.limit}`;
    if (rows.length === 0) return [];
    const events = await this.prisma.merchantEvent.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
      include: WITH_DELIVERIES,
      orderBy: { sequence: 'desc' },
    });
    return events.map(withPayload);
  }

  async findWithAttempts(id: string): Promise<EventWithAttempts | null> {
    const event = await this.prisma.merchantEvent.findUnique({ where: { id }, include: WITH_ATTEMPTS });
    return event && withPayload(event);
  }

  /** New deliveries of an existing event, due now; the event (and its id) is unchanged. */
  async addDeliveries(event: { id: string; orderId: string; sequence: bigint }, endpoints: readonly string[], now: Date): Promise<void> {
    await this.prisma.merchantEventDelivery.createMany({
      data: endpoints.map((endpoint) => ({
        id: randomUUID(), eventId: event.id, orderId: event.orderId, sequence: event.sequence, endpoint, nextAttemptAt: now, createdAt: now,
      })),
    });
  }
}
