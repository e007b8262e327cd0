-- CreateIndex
CREATE INDEX "project_action_id_version_idx" ON "project"("action_id", "version");

