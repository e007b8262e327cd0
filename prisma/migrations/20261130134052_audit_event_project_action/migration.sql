-- The action (行动) of each audit event's project, so that a cached board is read again after a change
-- to its own action's projects or to what every board shows (settings, units: events of no one
-- action), and not after each change to another action's projects (pipeline/board-cache.ts). Set on
-- append from the project's row (here, and by appendAuditEvents for events appended in bulk); null
-- for an event with no project, which then counts as a change to every board, as do the events
-- appended before this column was. Not part of the hash: the chain proves what happened, this column
-- only says which caches it concerns.

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "project_action_id" INTEGER;

-- CreateIndex
CREATE INDEX "audit_event_project_action_id_seq_idx" ON "audit_event"("project_action_id", "seq");

-- As in 20261129235300_audit_append_in_one_statement, with the project's action stored beside the event.
CREATE OR REPLACE FUNCTION audit_append_event(
  p_at TIMESTAMP(3),
  p_actor_id INTEGER,
  p_entity TEXT,
  p_entity_id TEXT,
  p_project_id INTEGER,
  p_action TEXT,
  p_before JSONB,
  p_after JSONB,
  p_request_id TEXT,
  p_content_before_seq TEXT
) RETURNS TABLE (appended_seq INTEGER, appended_hash TEXT)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq INTEGER;
  head_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7261001);
  SELECT e.seq, e.hash INTO head_seq, head_hash FROM "audit_event" e ORDER BY e.seq DESC LIMIT 1;
  appended_seq := coalesce(head_seq, 0) + 1;
  head_hash := coalesce(head_hash, repeat('0', 64));
  appended_hash := encode(sha256(convert_to(head_hash || E'\n' || p_content_before_seq || appended_seq::text || '}', 'UTF8')), 'hex');
  INSERT INTO "audit_event" ("seq", "at", "actor_id", "entity", "entity_id", "project_id", "project_action_id", "action", "before", "after", "request_id", "prev_hash", "hash")
  VALUES (appended_seq, p_at, p_actor_id, p_entity, p_entity_id, p_project_id,
          (SELECT p.action_id FROM "project" p WHERE p.id = p_project_id),
          p_action, p_before, p_after, p_request_id, head_hash, appended_hash);
  RETURN NEXT;
END;
$$;
