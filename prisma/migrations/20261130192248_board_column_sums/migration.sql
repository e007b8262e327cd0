-- The board's column totals (count and investment sum of an action's projects per stage, archived
-- ones left out), kept as changes: a trigger on project writes one row for each column a project
-- leaves or enters (or whose investment it changes), and the board sums an action's rows instead of
-- scanning its projects (pipeline/board.ts). Inserting a row takes no lock that a concurrent change
-- could wait for. About every 64th row folds its action's rows into one per stage, in the writer's
-- transaction: it deletes the rows it can lock at once (SKIP LOCKED: it never waits, so it cannot
-- deadlock with another writer) and inserts their sums, so each row is folded exactly once, and rows
-- of transactions not yet committed are left for a later fold.

-- CreateTable
CREATE TABLE "board_column_delta" (
    "id" BIGSERIAL NOT NULL,
    "action_id" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "count" INTEGER NOT NULL,
    "investment" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "board_column_delta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "board_column_delta_action_id_idx" ON "board_column_delta"("action_id");


CREATE FUNCTION fold_board_column_deltas(folded_action integer) RETURNS void LANGUAGE sql AS $$
  WITH folded AS (
    DELETE FROM "board_column_delta" d
     WHERE d.id IN (SELECT id FROM "board_column_delta" WHERE action_id = folded_action FOR UPDATE SKIP LOCKED)
    RETURNING d.stage, d.count, d.investment)
  INSERT INTO "board_column_delta" (action_id, stage, count, investment)
  SELECT folded_action, stage, sum(count), sum(investment) FROM folded GROUP BY stage;
$$;

CREATE FUNCTION board_column_delta() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  left_id bigint;
  entered_id bigint;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.archived_at IS NULL AND NEW.archived_at IS NULL AND OLD.action_id = NEW.action_id
       AND OLD.stage = NEW.stage AND OLD.total_investment = NEW.total_investment THEN
      RETURN NULL;
    END IF;
    IF OLD.archived_at IS NULL THEN
      INSERT INTO "board_column_delta" (action_id, stage, count, investment)
        VALUES (OLD.action_id, OLD.stage, -1, -OLD.total_investment) RETURNING id INTO left_id;
      IF left_id % 64 = 0 THEN
        PERFORM fold_board_column_deltas(OLD.action_id);
      END IF;
    END IF;
  END IF;
  IF NEW.archived_at IS NULL THEN
    INSERT INTO "board_column_delta" (action_id, stage, count, investment)
      VALUES (NEW.action_id, NEW.stage, 1, NEW.total_investment) RETURNING id INTO entered_id;
    IF entered_id % 64 = 0 THEN
      PERFORM fold_board_column_deltas(NEW.action_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER project_board_column_delta
  AFTER INSERT OR UPDATE OF action_id, stage, archived_at, total_investment ON "project"
  FOR EACH ROW EXECUTE FUNCTION board_column_delta();

-- The projects already there, one row per column.
INSERT INTO "board_column_delta" (action_id, stage, count, investment)
  SELECT action_id, stage, count(*), sum(total_investment) FROM "project"
   WHERE archived_at IS NULL GROUP BY action_id, stage;
