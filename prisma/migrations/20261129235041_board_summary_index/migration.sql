-- CreateIndex
CREATE INDEX "project_board_summary_idx" ON "project"("action_id", "stage", "archived_at", "total_investment");

