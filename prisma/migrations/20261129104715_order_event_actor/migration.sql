-- AlterTable
ALTER TABLE "order_events" ADD COLUMN     "actor" TEXT;
