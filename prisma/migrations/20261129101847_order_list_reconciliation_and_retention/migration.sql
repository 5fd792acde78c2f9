-- CreateTable
CREATE TABLE "job_leases" (
    "name" TEXT NOT NULL,
    "holder" UUID NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "reconciliation_reports" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "soisyOrders" INTEGER NOT NULL,
    "orphanCount" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "orphans" JSONB NOT NULL,
    "mismatches" JSONB NOT NULL,

    CONSTRAINT "reconciliation_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_data_erasures" (
    "orderId" UUID NOT NULL,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL,
    "retentionDays" INTEGER NOT NULL,

    CONSTRAINT "personal_data_erasures_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "reconciliation_reports_startedAt_idx" ON "reconciliation_reports"("startedAt" DESC);
