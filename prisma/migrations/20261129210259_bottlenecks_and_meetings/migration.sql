-- CreateEnum
CREATE TYPE "MeetingTaskStatus" AS ENUM ('OPEN', 'DONE');

-- AlterTable
ALTER TABLE "stage_setting" ADD COLUMN     "dwell_threshold_days" INTEGER NOT NULL DEFAULT 180;

-- CreateTable
CREATE TABLE "light_setting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "yellow_points" INTEGER NOT NULL DEFAULT 10,
    "red_points" INTEGER NOT NULL DEFAULT 30,
    "unstarted_months" INTEGER NOT NULL DEFAULT 3,
    "yellow_slip_days" INTEGER NOT NULL DEFAULT 0,
    "red_slip_days" INTEGER NOT NULL DEFAULT 90,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "light_setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_meeting" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "agenda" JSONB NOT NULL,
    "generated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_task" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "project_id" INTEGER,
    "decision" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "MeetingTaskStatus" NOT NULL DEFAULT 'OPEN',
    "closed_at" TIMESTAMP(3),
    "close_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dispatch_meeting_date_idx" ON "dispatch_meeting"("date");

-- CreateIndex
CREATE INDEX "dispatch_meeting_created_by_id_idx" ON "dispatch_meeting"("created_by_id");

-- CreateIndex
CREATE INDEX "meeting_task_meeting_id_idx" ON "meeting_task"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_task_unit_id_idx" ON "meeting_task"("unit_id");

-- CreateIndex
CREATE INDEX "meeting_task_project_id_idx" ON "meeting_task"("project_id");

-- CreateIndex
CREATE INDEX "meeting_task_status_deadline_idx" ON "meeting_task"("status", "deadline");

-- AddForeignKey
ALTER TABLE "dispatch_meeting" ADD CONSTRAINT "dispatch_meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_task" ADD CONSTRAINT "meeting_task_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "dispatch_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_task" ADD CONSTRAINT "meeting_task_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_task" ADD CONSTRAINT "meeting_task_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Default dwell thresholds (滞留天数): how long a project may stay in each stage before it counts as stuck.
UPDATE "stage_setting" SET "dwell_threshold_days" = CASE "stage"
  WHEN 'RESERVE' THEN 180
  WHEN 'PREPARATION' THEN 120
  WHEN 'STARTED' THEN 90
  WHEN 'UNDER_CONSTRUCTION' THEN 540
  ELSE 36500 END;

-- The traffic-light thresholds' single row, with the plan's defaults.
INSERT INTO "light_setting" ("id") VALUES (1) ON CONFLICT DO NOTHING;

-- CreateIndex
CREATE INDEX "stage_transition_latest_idx" ON "stage_transition"("project_id", "at" DESC, "id" DESC, "to_stage");
