-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "locked_until" TIMESTAMP(3),
ADD COLUMN     "sign_in_attempts" INTEGER NOT NULL DEFAULT 0;

