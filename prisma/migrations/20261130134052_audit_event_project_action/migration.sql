-- The action (行动) of each audit event's project, so that a cached board is read again after a change
-- to its own action's projects or to what every board shows (settings, units: events of no project),
-- and not after each change to another action's projects (pipeline/board-cache.ts). Set as the event
-- is inserted, from the project's row, whichever way it is appended (audit_append_event, or in bulk by
-- appendAuditEvents); null for an event with no project, which then counts as a change to every board,
-- as do the events appended before this column was. Not part of the hash: the chain proves what
-- happened, this column only says which caches it concerns.

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "project_action_id" INTEGER;

-- CreateIndex
CREATE INDEX "audit_event_project_action_id_seq_idx" ON "audit_event"("project_action_id", "seq");

CREATE FUNCTION audit_event_project_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.project_action_id := (SELECT p.action_id FROM "project" p WHERE p.id = NEW.project_id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_project_action BEFORE INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_project_action();
