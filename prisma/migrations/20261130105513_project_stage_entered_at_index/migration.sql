-- CreateIndex
CREATE INDEX "project_stage_entered_at_idx" ON "project"("stage_entered_at");

