-- CreateIndex
CREATE INDEX "project_archived_at_idx" ON "project"("archived_at");

