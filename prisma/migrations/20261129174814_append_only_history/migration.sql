-- The audit trail and the stage history are append-only in the database itself: UPDATE, DELETE and
-- TRUNCATE are refused for every role, the owner's included. (A superuser can still switch triggers
-- off; the audit chain's hashes then show what was changed.)
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER stage_transition_append_only
  BEFORE UPDATE OR DELETE ON "stage_transition"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER stage_transition_no_truncate
  BEFORE TRUNCATE ON "stage_transition"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
