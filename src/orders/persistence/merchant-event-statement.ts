import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.js';
import type { MerchantEndpoint } from '../../config/merchant-events-config.js';
import type { OrderViewDto } from '../order-view.dto.js';
import type { MerchantEventType } from '../../common/merchant-event-types.js';

/** Names of the caller's CTEs the append reads, and the prefix of the CTEs it adds (unique per statement). */
export interface StatementCtes {
  /** The caller's UPDATE of the order's row, `RETURNING id`: no row, nothing is appended. */
  changed: string;
  /**
   * The caller's INSERT of this change's `order_events` rows, `RETURNING id, type, "fromStatus",
   * "toStatus", source, "createdAt"`; none when they were written by an earlier statement.
   */
  newEvents?: string;
  prefix: string;
}

/** The CTEs (`sql`, to follow the caller's CTEs after a comma), the event's id and how many deliveries they write. */
export interface AppendStatement {
  sql: Prisma.Sql;
  id: string;
  deliveries: number;
}

/** The event to append; `view` is the order view without its history, which the statement adds. */
export interface MerchantEventStatementInput {
  orderId: string;
  orderToken: string;
  type: MerchantEventType;
  view: Omit<OrderViewDto, 'events'>;
}

/**
 * appendMerchantEvent (outbox/merchant-event-outbox.ts) as CTEs of the caller's one statement: the same
 * `merchant_events` row and deliveries, the same payload `{id, type, createdAt, data}`.
 *
 * Why it keeps the outbox's guarantees without the `SELECT … FOR UPDATE` and without a read of
 * the history before it:
 * - Commit order = sequence order per order: the event row is produced FROM the caller's UPDATE of
 *   the order's row, so the row lock is held before `nextval` allocates the sequence, as after the
 *   lock of appendMerchantEvent; a concurrent appender for the order waits on that lock.
 * - Never invented, never lost: the rows exist iff the caller's UPDATE changed the row, and they
 *   commit or roll back with it (one statement).
 * - The history in `data.events` is the order's committed events plus this statement's own
 *   (`newEvents`, which the statement's snapshot cannot see in the table), ordered as
 *   OrderReads/toOrderView order them ("createdAt", id); each entry is built as toOrderView builds
 *   it (type, fromStatus, toStatus, source, at as ISO 8601 UTC with milliseconds).
 */
export function appendMerchantEventStatement(
  input: MerchantEventStatementInput,
  ctes: StatementCtes,
  context: { endpoints: readonly MerchantEndpoint[]; now: Date },
): AppendStatement {
  const id = randomUUID();
  const changed = Prisma.raw(ctes.changed);
  const ownEvents = ctes.newEvents === undefined ? Prisma.empty
    : Prisma.sql`UNION ALL SELECT id, type, "fromStatus", "toStatus", source, "createdAt" FROM ${Prisma.raw(ctes.newEvents)}`;
  const event = Prisma.raw(`${ctes.prefix}_merchant_event`);
  const history = Prisma.sql`(SELECT coalesce(jsonb_agg(jsonb_build_object(
      'type', e.type, 'fromStatus', e."fromStatus", 'toStatus', e."toStatus", 'source', e.source,
      'at', to_char(e."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."createdAt", e.id), '[]'::jsonb)
    FROM (SELECT id, type, "fromStatus", "toStatus", source, "createdAt" FROM order_events WHERE "orderId" = ${input.orderId}::uuid
          ${ownEvents}) e)`;
  const head = { id, type: input.type, createdAt: context.now.toISOString() };
  const appendEvent = Prisma.sql`${event} AS (
    INSERT INTO merchant_events (id, type, "orderId", "orderToken", payload, "createdAt")
    SELECT ${id}::uuid, ${input.type}, ${input.orderId}::uuid, ${input.orderToken},
      ${JSON.stringify(head)}::jsonb || jsonb_build_object('data', ${JSON.stringify(input.view)}::jsonb || jsonb_build_object('events', ${history})),
      ${context.now}
    FROM ${changed} RETURNING sequence)`;
  const endpoints = context.endpoints.filter((endpoint) => endpoint.types.includes(input.type));
  if (endpoints.length === 0) return { sql: appendEvent, id, deliveries: 0 };
  const rows = Prisma.join(endpoints.map((endpoint) => Prisma.sql`(${randomUUID()}::uuid, ${endpoint.url})`));
  const sql = Prisma.sql`${appendEvent},
  ${Prisma.raw(`${ctes.prefix}_merchant_deliveries`)} AS (
    INSERT INTO merchant_event_deliveries (id, "eventId", "orderId", sequence, endpoint, status, attempts, "nextAttemptAt", "createdAt")
    SELECT d.id, ${id}::uuid, ${input.orderId}::uuid, ${event}.sequence, d.endpoint, 'pending', 0, ${context.now}, ${context.now}
    FROM ${event} CROSS JOIN (VALUES ${rows}) AS d(id, endpoint))`;
  return { sql, id, deliveries: endpoints.length };
}
