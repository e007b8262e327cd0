-- Appending one event to the audit chain in a single statement. The chain's lock (the advisory lock
-- 7261001, AUDIT_CHAIN_LOCK in server/modules/audit/service.ts) serialises every append; it is held
-- until COMMIT. Done from the application as lock, read head, insert, it was held across three round
-- trips, and under load each waited behind a busy event loop: the lock's hold time, and with it the
-- throughput of every change, was set by that lag. Here the lock, the head and the insert take one
-- round trip, and the caller commits next.
--
-- The hash is the one of auditHash() (hash.ts): sha256(prev_hash || "\n" || canonical JSON of the
-- content), hex. The caller passes the canonical JSON of the content up to the value of "seq" (the
-- last key in sorted order), because only here, under the lock, is the next seq known.
-- A VOLATILE plpgsql function takes a fresh snapshot for each query in it (under READ COMMITTED),
-- so the head read after the lock sees the append committed by the lock's previous holder.
CREATE FUNCTION audit_append_event(
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
  INSERT INTO "audit_event" ("seq", "at", "actor_id", "entity", "entity_id", "project_id", "action", "before", "after", "request_id", "prev_hash", "hash")
  VALUES (appended_seq, p_at, p_actor_id, p_entity, p_entity_id, p_project_id, p_action, p_before, p_after, p_request_id, head_hash, appended_hash);
  RETURN NEXT;
END;
$$;
