-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "releaseResolvedBy" TEXT;

-- AlterTable
ALTER TABLE "reconciliation_reports" ADD COLUMN     "cancelledHereOnly" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "cancelledHereOnlyCount" INTEGER NOT NULL DEFAULT 0;
