-- The chain of custody and published post-mortem revisions are append-only: refuse UPDATE and DELETE
-- (a cascade from deleting the incident itself still removes them).
CREATE OR REPLACE FUNCTION baton_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: rows are never changed or removed', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_custody_append_only BEFORE UPDATE OR DELETE ON evidence_custody FOR EACH ROW EXECUTE FUNCTION baton_append_only();
--> statement-breakpoint
CREATE TRIGGER postmortem_revisions_append_only BEFORE UPDATE OR DELETE ON postmortem_revisions FOR EACH ROW EXECUTE FUNCTION baton_append_only();
