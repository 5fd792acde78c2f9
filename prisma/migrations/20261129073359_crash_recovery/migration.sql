-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "creationEndsBy" TIMESTAMPTZ(3),
ADD COLUMN     "creationIdempotencyKey" TEXT,
ADD COLUMN     "creationRequestHash" TEXT,
ADD COLUMN     "creationStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "recoveryNextCheckAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "received_callbacks" ADD COLUMN     "confirmAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "confirmLastError" TEXT,
ADD COLUMN     "confirmLeaseUntil" TIMESTAMPTZ(3),
ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "received_callbacks_confirmedAt_confirmLeaseUntil_idx" ON "received_callbacks"("confirmedAt", "confirmLeaseUntil");

-- Pending rows written before this migration: their attempt started at their last change and no
-- call of theirs runs past the old three-minute bound, so recovery can look them up at once.
UPDATE "orders" SET "creationStartedAt" = "updatedAt", "creationEndsBy" = "updatedAt" + interval '3 minutes'
WHERE "status" = 'pending';

-- Callbacks received before this migration were confirmed in process (or left to reconciliation).
UPDATE "received_callbacks" SET "confirmedAt" = "receivedAt";
