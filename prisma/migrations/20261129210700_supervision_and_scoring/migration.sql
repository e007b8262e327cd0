-- CreateEnum
CREATE TYPE "NoticeState" AS ENUM ('ISSUED', 'REPLIED', 'CLOSED', 'ESCALATED');

-- CreateTable
CREATE TABLE "supervision_notice" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "reply_deadline" DATE NOT NULL,
    "state" "NoticeState" NOT NULL DEFAULT 'ISSUED',
    "issued_at" TIMESTAMP(3) NOT NULL,
    "issued_by_id" INTEGER NOT NULL,
    "reply" TEXT,
    "replied_at" TIMESTAMP(3),
    "replied_by_id" INTEGER,
    "reply_late" BOOLEAN,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" INTEGER,
    "resolution_note" TEXT,

    CONSTRAINT "supervision_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scoring_scheme" (
    "id" SERIAL NOT NULL,
    "version" INTEGER NOT NULL,
    "config" JSONB NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,

    CONSTRAINT "scoring_scheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scoring_exemption" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "project_id" INTEGER,
    "component" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "revoked_by_id" INTEGER,

    CONSTRAINT "scoring_exemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scoreboard_publication" (
    "id" SERIAL NOT NULL,
    "period" TEXT NOT NULL,
    "scheme_id" INTEGER NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "published_by_id" INTEGER NOT NULL,

    CONSTRAINT "scoreboard_publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "published_score_entry" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,
    "mark" TEXT NOT NULL,
    "detail" JSONB NOT NULL,

    CONSTRAINT "published_score_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "supervision_notice_unit_id_state_idx" ON "supervision_notice"("unit_id", "state");

-- CreateIndex
CREATE INDEX "supervision_notice_project_id_state_idx" ON "supervision_notice"("project_id", "state");

-- CreateIndex
CREATE INDEX "supervision_notice_reply_deadline_idx" ON "supervision_notice"("reply_deadline");

-- CreateIndex
CREATE INDEX "supervision_notice_issued_by_id_idx" ON "supervision_notice"("issued_by_id");

-- CreateIndex
CREATE INDEX "supervision_notice_replied_by_id_idx" ON "supervision_notice"("replied_by_id");

-- CreateIndex
CREATE INDEX "supervision_notice_resolved_by_id_idx" ON "supervision_notice"("resolved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "scoring_scheme_version_key" ON "scoring_scheme"("version");

-- CreateIndex
CREATE INDEX "scoring_exemption_unit_id_idx" ON "scoring_exemption"("unit_id");

-- CreateIndex
CREATE INDEX "scoring_exemption_project_id_idx" ON "scoring_exemption"("project_id");

-- CreateIndex
CREATE INDEX "scoring_exemption_created_by_id_idx" ON "scoring_exemption"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "scoreboard_publication_period_key" ON "scoreboard_publication"("period");

-- CreateIndex
CREATE INDEX "scoreboard_publication_scheme_id_idx" ON "scoreboard_publication"("scheme_id");

-- CreateIndex
CREATE INDEX "scoreboard_publication_published_by_id_idx" ON "scoreboard_publication"("published_by_id");

-- CreateIndex
CREATE INDEX "published_score_entry_unit_id_idx" ON "published_score_entry"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "published_score_entry_publication_id_unit_id_key" ON "published_score_entry"("publication_id", "unit_id");

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_replied_by_id_fkey" FOREIGN KEY ("replied_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoring_exemption" ADD CONSTRAINT "scoring_exemption_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoring_exemption" ADD CONSTRAINT "scoring_exemption_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoring_exemption" ADD CONSTRAINT "scoring_exemption_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoreboard_publication" ADD CONSTRAINT "scoreboard_publication_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scoring_scheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoreboard_publication" ADD CONSTRAINT "scoreboard_publication_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_score_entry" ADD CONSTRAINT "published_score_entry_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "scoreboard_publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_score_entry" ADD CONSTRAINT "published_score_entry_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A published 红黑榜 is frozen: its rows and the scheme versions are never rewritten.
CREATE TRIGGER scoreboard_publication_append_only
  BEFORE UPDATE OR DELETE ON "scoreboard_publication"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER published_score_entry_append_only
  BEFORE UPDATE OR DELETE ON "published_score_entry"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER scoring_scheme_append_only
  BEFORE UPDATE OR DELETE ON "scoring_scheme"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- The first scoring scheme (the office adjusts it; every save is a new version).
INSERT INTO "scoring_scheme" ("version", "config", "note", "created_at") VALUES (
  1,
  '{"weights":{"MILESTONES":20,"ADVANCEMENT":20,"INVESTMENT":20,"BLOCKERS":15,"REPORTS":15,"NOTICES":10},"blockerTargetDays":30,"reportDueDay":5,"passMark":60,"redCount":3,"blackCount":3}',
  '默认方案',
  '2026-11-29 00:00:00'
);
