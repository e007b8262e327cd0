-- AlterTable
ALTER TABLE "project_indicator" ADD COLUMN     "linked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "unlinked_at" TIMESTAMP(3);

