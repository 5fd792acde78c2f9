-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "fixedInstalments" INTEGER;

-- Backfill: what the order's latest creation event recorded (`instalments`, null when the shopper
-- chooses); an order created before the events recorded it keeps its instalments, as the event
-- lookup this column replaces did (refusing a change is the safe reading).
UPDATE "orders" AS o SET "fixedInstalments" = CASE
    WHEN e.data ? 'instalments' THEN
      CASE WHEN jsonb_typeof(e.data -> 'instalments') = 'number' THEN (e.data ->> 'instalments')::integer ELSE NULL END
    ELSE o."instalments" END
FROM (
  SELECT DISTINCT ON ("orderId") "orderId", data
  FROM "order_events"
  WHERE type IN ('order.creation_started', 'order.creation_retried')
  ORDER BY "orderId", "createdAt" DESC, id DESC
) AS e
WHERE e."orderId" = o.id;

UPDATE "orders" AS o SET "fixedInstalments" = o."instalments"
WHERE NOT EXISTS (
  SELECT 1 FROM "order_events" AS e
  WHERE e."orderId" = o.id AND e.type IN ('order.creation_started', 'order.creation_retried')
);
