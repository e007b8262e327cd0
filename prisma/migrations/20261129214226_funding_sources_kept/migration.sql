-- AlterTable
ALTER TABLE "project_funding" ADD COLUMN     "removed_at" TIMESTAMP(3);


-- A project's records are never deleted, whoever asks: taken-off funding sources are marked
-- removed, projects archived. (A superuser can still switch triggers off; the audit chain shows it.)
CREATE FUNCTION refuse_record_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% keeps its records: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER project_no_delete BEFORE DELETE ON "project"
  FOR EACH ROW EXECUTE FUNCTION refuse_record_delete();
CREATE TRIGGER project_funding_no_delete BEFORE DELETE ON "project_funding"
  FOR EACH ROW EXECUTE FUNCTION refuse_record_delete();
CREATE TRIGGER milestone_no_delete BEFORE DELETE ON "milestone"
  FOR EACH ROW EXECUTE FUNCTION refuse_record_delete();
CREATE TRIGGER blocker_no_delete BEFORE DELETE ON "blocker"
  FOR EACH ROW EXECUTE FUNCTION refuse_record_delete();
CREATE TRIGGER progress_report_no_delete BEFORE DELETE ON "progress_report"
  FOR EACH ROW EXECUTE FUNCTION refuse_record_delete();
