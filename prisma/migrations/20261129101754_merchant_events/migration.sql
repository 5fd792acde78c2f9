-- CreateEnum
CREATE TYPE "MerchantDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "merchant_events" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "orderId" UUID NOT NULL,
    "orderToken" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_event_deliveries" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "status" "MerchantDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "leaseId" UUID,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_event_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_event_attempts" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "statusCode" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "errorClass" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_event_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "merchant_events_sequence_key" ON "merchant_events"("sequence");

-- CreateIndex
CREATE INDEX "merchant_events_type_sequence_idx" ON "merchant_events"("type", "sequence");

-- CreateIndex
CREATE INDEX "merchant_events_orderToken_sequence_idx" ON "merchant_events"("orderToken", "sequence");

-- CreateIndex
CREATE INDEX "merchant_event_deliveries_status_nextAttemptAt_idx" ON "merchant_event_deliveries"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "merchant_event_deliveries_orderId_endpoint_sequence_idx" ON "merchant_event_deliveries"("orderId", "endpoint", "sequence");

-- CreateIndex
CREATE INDEX "merchant_event_deliveries_eventId_idx" ON "merchant_event_deliveries"("eventId");

-- CreateIndex
CREATE INDEX "merchant_event_attempts_deliveryId_at_idx" ON "merchant_event_attempts"("deliveryId", "at");

-- AddForeignKey
ALTER TABLE "merchant_event_deliveries" ADD CONSTRAINT "merchant_event_deliveries_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "merchant_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_event_attempts" ADD CONSTRAINT "merchant_event_attempts_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "merchant_event_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
