-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('RESERVE', 'PREPARATION', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEADER', 'OFFICE', 'TEAM', 'OWNER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('BUREAU', 'TOWNSHIP', 'COMPANY', 'OFFICE');

-- CreateEnum
CREATE TYPE "FundingKind" AS ENUM ('BOND', 'HIGHER_LEVEL_SPECIAL', 'BANK_LOAN', 'FISCAL', 'SOCIAL_CAPITAL');

-- CreateEnum
CREATE TYPE "BlockerKind" AS ENUM ('LAND', 'FUNDS', 'APPROVAL', 'DEMOLITION', 'OTHER');

-- CreateEnum
CREATE TYPE "TransitionKind" AS ENUM ('INTAKE', 'FORWARD', 'BACKWARD', 'CORRECTION');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER', 'LOWER');

-- CreateTable
CREATE TABLE "action" (
    "id" SERIAL NOT NULL,
    "code" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,

    CONSTRAINT "action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sub_task" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,

    CONSTRAINT "sub_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" INTEGER,
    "disabled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "client_addr" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_measure" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baseline" DECIMAL(14,4) NOT NULL,
    "target" DECIMAL(14,4) NOT NULL,
    "direction" "IndicatorDirection" NOT NULL,
    "format" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "indicator_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "id" SERIAL NOT NULL,
    "measure_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "note" TEXT,
    "entered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "action_id" INTEGER NOT NULL,
    "sub_task_id" INTEGER NOT NULL,
    "responsible_unit_id" INTEGER NOT NULL,
    "owner_unit_id" INTEGER NOT NULL,
    "township_id" INTEGER,
    "stage" "Stage" NOT NULL DEFAULT 'RESERVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "stage_entered_at" TIMESTAMP(3) NOT NULL,
    "total_investment" DECIMAL(14,2) NOT NULL,
    "completed_investment" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "planned_start" DATE,
    "planned_completion" DATE,
    "target_quantity" DECIMAL(14,2),
    "target_unit" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_funding" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "kind" "FundingKind" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "project_funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_annual_plan" (
    "project_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "planned_investment" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "project_annual_plan_pkey" PRIMARY KEY ("project_id","year")
);

-- CreateTable
CREATE TABLE "project_indicator" (
    "project_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,

    CONSTRAINT "project_indicator_pkey" PRIMARY KEY ("project_id","indicator_id")
);

-- CreateTable
CREATE TABLE "stage_transition" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "from_stage" "Stage",
    "to_stage" "Stage" NOT NULL,
    "kind" "TransitionKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor_id" INTEGER,
    "note" TEXT,

    CONSTRAINT "stage_transition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "stage" "Stage",
    "position" INTEGER NOT NULL,
    "planned_date" DATE NOT NULL,
    "actual_date" DATE,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocker" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "kind" "BlockerKind" NOT NULL,
    "description" TEXT NOT NULL,
    "raised_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "resolution" TEXT,

    CONSTRAINT "blocker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_report" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "investment_this_month" DECIMAL(14,2) NOT NULL,
    "narrative" TEXT NOT NULL,
    "problems" TEXT,
    "reported_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "progress_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor_id" INTEGER,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "project_id" INTEGER,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "action_code_key" ON "action"("code");

-- CreateIndex
CREATE UNIQUE INDEX "sub_task_code_key" ON "sub_task"("code");

-- CreateIndex
CREATE INDEX "sub_task_action_id_idx" ON "sub_task"("action_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_unit_id_idx" ON "app_user"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_measure_indicator_id_key_key" ON "indicator_measure"("indicator_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_value_measure_id_year_key" ON "indicator_value"("measure_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "project_code_key" ON "project"("code");

-- CreateIndex
CREATE INDEX "project_action_id_stage_code_idx" ON "project"("action_id", "stage", "code");

-- CreateIndex
CREATE INDEX "project_sub_task_id_idx" ON "project"("sub_task_id");

-- CreateIndex
CREATE INDEX "project_responsible_unit_id_idx" ON "project"("responsible_unit_id");

-- CreateIndex
CREATE INDEX "project_owner_unit_id_idx" ON "project"("owner_unit_id");

-- CreateIndex
CREATE INDEX "project_township_id_idx" ON "project"("township_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_funding_project_id_kind_key" ON "project_funding"("project_id", "kind");

-- CreateIndex
CREATE INDEX "project_indicator_indicator_id_idx" ON "project_indicator"("indicator_id");

-- CreateIndex
CREATE INDEX "stage_transition_project_id_at_idx" ON "stage_transition"("project_id", "at");

-- CreateIndex
CREATE INDEX "stage_transition_at_idx" ON "stage_transition"("at");

-- CreateIndex
CREATE INDEX "stage_transition_actor_id_idx" ON "stage_transition"("actor_id");

-- CreateIndex
CREATE INDEX "milestone_project_id_idx" ON "milestone"("project_id");

-- CreateIndex
CREATE INDEX "milestone_planned_date_idx" ON "milestone"("planned_date");

-- CreateIndex
CREATE INDEX "blocker_project_id_idx" ON "blocker"("project_id");

-- CreateIndex
CREATE INDEX "blocker_kind_resolved_at_idx" ON "blocker"("kind", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "progress_report_project_id_month_key" ON "progress_report"("project_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_entity_entity_id_idx" ON "audit_event"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_project_id_seq_idx" ON "audit_event"("project_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- AddForeignKey
ALTER TABLE "sub_task" ADD CONSTRAINT "sub_task_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_measure" ADD CONSTRAINT "indicator_measure_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "indicator_measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_sub_task_id_fkey" FOREIGN KEY ("sub_task_id") REFERENCES "sub_task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_responsible_unit_id_fkey" FOREIGN KEY ("responsible_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_owner_unit_id_fkey" FOREIGN KEY ("owner_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_township_id_fkey" FOREIGN KEY ("township_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_funding" ADD CONSTRAINT "project_funding_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_annual_plan" ADD CONSTRAINT "project_annual_plan_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_indicator" ADD CONSTRAINT "project_indicator_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_indicator" ADD CONSTRAINT "project_indicator_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_transition" ADD CONSTRAINT "stage_transition_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_transition" ADD CONSTRAINT "stage_transition_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocker" ADD CONSTRAINT "blocker_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
