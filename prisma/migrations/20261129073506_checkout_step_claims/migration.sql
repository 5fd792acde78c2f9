-- CreateEnum
CREATE TYPE "CheckoutStep" AS ENUM ('loan_request', 'approval');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "approvalFingerprint" TEXT,
ADD COLUMN     "loanFingerprint" TEXT,
ADD COLUMN     "stepClaim" "CheckoutStep",
ADD COLUMN     "stepClaimExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "stepClaimId" UUID;
