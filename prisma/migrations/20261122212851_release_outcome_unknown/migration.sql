-- AlterEnum
ALTER TYPE "ReleaseStatus" ADD VALUE 'unknown';
