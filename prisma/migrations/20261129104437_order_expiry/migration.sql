-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'expired';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "expiryNextCheckAt" TIMESTAMPTZ(3);
