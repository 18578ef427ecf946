-- The original register (sổ gốc) and the issuance log are append-only: corrections and revocations are new rows.
CREATE OR REPLACE FUNCTION refuse_change_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER register_entries_append_only BEFORE UPDATE OR DELETE ON register_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER issuance_log_append_only BEFORE UPDATE OR DELETE ON issuance_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
