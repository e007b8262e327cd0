-- CreateEnum
CREATE TYPE "GateCheck" AS ENUM ('MANUAL', 'FUNDING_SOURCE', 'PROGRESS_REPORT', 'ACCEPTANCE');

-- AlterTable
ALTER TABLE "project" ADD COLUMN     "acceptance_date" DATE,
ADD COLUMN     "acceptance_ref" TEXT;

-- CreateTable
CREATE TABLE "gate_requirement" (
    "id" SERIAL NOT NULL,
    "from_stage" "Stage" NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "check" "GateCheck" NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "gate_requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_gate_item" (
    "project_id" INTEGER NOT NULL,
    "requirement_id" INTEGER NOT NULL,
    "done" BOOLEAN NOT NULL,
    "reference" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_gate_item_pkey" PRIMARY KEY ("project_id","requirement_id")
);

-- CreateTable
CREATE TABLE "stage_setting" (
    "stage" "Stage" NOT NULL,
    "milestone_name" TEXT NOT NULL,
    "default_days" INTEGER NOT NULL,

    CONSTRAINT "stage_setting_pkey" PRIMARY KEY ("stage")
);

-- CreateIndex
CREATE UNIQUE INDEX "gate_requirement_from_stage_key_key" ON "gate_requirement"("from_stage", "key");

-- CreateIndex
CREATE INDEX "project_gate_item_requirement_id_idx" ON "project_gate_item"("requirement_id");

-- AddForeignKey
ALTER TABLE "project_gate_item" ADD CONSTRAINT "project_gate_item_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_gate_item" ADD CONSTRAINT "project_gate_item_requirement_id_fkey" FOREIGN KEY ("requirement_id") REFERENCES "gate_requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

