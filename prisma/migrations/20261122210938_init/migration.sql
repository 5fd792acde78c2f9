-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'created', 'requested', 'approved', 'refused', 'completed', 'verified', 'disbursed', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('none', 'scheduled', 'in_progress', 'released', 'failed');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('api', 'callback', 'sync', 'scheduler');

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "token" TEXT,
    "shopId" TEXT NOT NULL,
    "orderReference" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "instalments" INTEGER,
    "zeroInterestRate" BOOLEAN,
    "fiscalCode" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending',
    "soisyStatus" TEXT,
    "statusDetail" TEXT,
    "apr" DECIMAL(7,3),
    "instalmentAmountCents" INTEGER,
    "totalRepaymentCents" INTEGER,
    "additionalDataNeeded" BOOLEAN,
    "netAmountCents" INTEGER,
    "paymentDayOfMonth" INTEGER,
    "redirectUrl" TEXT,
    "successUrl" TEXT,
    "errorUrl" TEXT,
    "callbackSecret" TEXT NOT NULL,
    "releaseStatus" "ReleaseStatus" NOT NULL DEFAULT 'none',
    "releaseAmountCents" INTEGER,
    "releaseAt" TIMESTAMPTZ(3),
    "releasedAt" TIMESTAMPTZ(3),
    "releaseAttempts" INTEGER NOT NULL DEFAULT 0,
    "releaseNextAttemptAt" TIMESTAMPTZ(3),
    "releaseLastError" TEXT,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_events" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "OrderStatus",
    "toStatus" "OrderStatus",
    "source" "EventSource" NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "received_callbacks" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "orderToken" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventDate" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "received_callbacks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "orders_token_key" ON "orders"("token");

-- CreateIndex
CREATE UNIQUE INDEX "orders_callbackSecret_key" ON "orders"("callbackSecret");

-- CreateIndex
CREATE INDEX "orders_createdAt_id_idx" ON "orders"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "orders_status_updatedAt_idx" ON "orders"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "orders_releaseStatus_releaseNextAttemptAt_idx" ON "orders"("releaseStatus", "releaseNextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "orders_shopId_orderReference_key" ON "orders"("shopId", "orderReference");

-- CreateIndex
CREATE INDEX "order_events_orderId_createdAt_idx" ON "order_events"("orderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_records_scope_key_key" ON "idempotency_records"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "received_callbacks_orderToken_eventId_eventDate_key" ON "received_callbacks"("orderToken", "eventId", "eventDate");

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "received_callbacks" ADD CONSTRAINT "received_callbacks_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
