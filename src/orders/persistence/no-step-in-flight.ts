import { Prisma } from '../../generated/prisma/client.js';

/**
 * stepInFlight (src/orders/step-claim.ts) negated, as SQL on the `orders` row named `alias`: no
 * loan request or approval is being sent to Soisy for it (no claim, or one whose lease has run out).
 * What the step claim, the sync and the expiry jobs each require before they take an order.
 */
export function noStepInFlight(now: Date, alias?: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(alias ? `${alias}."${name}"` : `"${name}"`);
  return Prisma.sql`(${column('stepClaim')} IS NULL OR ${column('stepClaimExpiresAt')} <= ${now})`;
}
