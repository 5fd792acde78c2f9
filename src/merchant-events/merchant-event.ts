import type { MerchantEventPayload } from '../orders/outbox/index.js';

/**
 * A merchant event and its deliveries as the back office sees them. Prisma's row types stay in the
 * repositories (`npm run lint`: prisma-outside-repositories), so the views and DTOs depend on these.
 */

/** `pending`: being sent or retried; `delivered`: a 2xx came back in time; `failed`: given up after the retry window. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One POST of a delivery. */
export interface DeliveryAttempt {
  /** The endpoint's HTTP status; null when no answer came. */
  statusCode: number | null;
  /** Wall time of the POST, ms. */
  durationMs: number;
  /** null: delivered; else `http_<status>`, `timeout`, `connection_refused`, … */
  errorClass: string | null;
  at: Date;
}

/** The event to one endpoint (a resend adds another). */
export interface Delivery {
  /** The endpoint's URL as configured (shown without its query string). */
  endpoint: string;
  status: DeliveryStatus;
  /** POSTs made so far. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
}

export interface StoredMerchantEvent {
  id: string;
  /** Creation order, unique: the list's keyset. */
  sequence: bigint;
  type: string;
  orderId: string;
  orderToken: string;
  /** Exactly the body POSTed. */
  payload: MerchantEventPayload;
  createdAt: Date;
}

export type EventWithDeliveries = StoredMerchantEvent & { deliveries: Delivery[] };
export type EventWithAttempts = StoredMerchantEvent & { deliveries: Array<Delivery & { attemptLog: DeliveryAttempt[] }> };
