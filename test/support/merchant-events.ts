import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { MerchantEventDeliveryJob, type DeliveryRunReport } from '../../src/merchant-events/merchant-event-delivery.job.js';

/** A Standard Webhooks secret as a merchant would generate it (README § Merchant events). */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Environment that sends every event type to `url`, signed with `secret`. */
export const endpointEnv = (url: string, secret: string): Record<string, string> => ({
  MERCHANT_EVENTS_ENDPOINT_1_URL: url,
  MERCHANT_EVENTS_ENDPOINT_1_SECRETS: secret,
});

/**
 * Runs the delivery worker of `app` until a run finds nothing due, without waiting for its interval
 * (each run claims batch after batch, so an order's whole sequence goes out in one call).
 */
export async function deliverDue(app: INestApplication): Promise<DeliveryRunReport> {
  const total: DeliveryRunReport = { attempted: 0, delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const report = await app.get(MerchantEventDeliveryJob).runOnce();
    if (report.attempted === 0) return total;
    for (const key of Object.keys(total) as (keyof DeliveryRunReport)[]) total[key] += report[key];
  }
}
