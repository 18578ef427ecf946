-- Issue 12: reports of suspected fake diplomas move onto the case core. Every fake_reports row becomes a case of kind
-- 'fake_report' under its own id and with its tracking code (VB-XXXXX-XXXXX) as the case's code, so old links and
-- audit rows keep pointing at it. received -> received, investigating -> in_progress, closed_genuine/closed_fake ->
-- resolved with outcome genuine/fake. The due day is received + 14 calendar days (Vietnam's day): the calendar of
-- working days did not exist then. The reporter stays anonymous; the e-mail (optional) is kept for follow-up mail.
INSERT INTO "cases" (
	"id", "code", "kind", "status", "submitter_email", "anonymous", "organisation_id", "title", "body", "details",
	"received_at", "due_on", "closed_at", "outcome", "outcome_note", "closed_late", "created_at", "updated_at"
)
SELECT
	r."id",
	r."tracking_code",
	'fake_report',
	CASE r."status" WHEN 'investigating' THEN 'in_progress' WHEN 'received' THEN 'received' ELSE 'resolved' END,
	r."reporter_email",
	true,
	r."organisation_id",
	left(btrim(regexp_replace(r."description", '\s+', ' ', 'g')), 120),
	r."description",
	jsonb_build_object('qr', r."submitted_text", 'verdict', r."verdict", 'migratedFrom', 'fake_reports'),
	r."created_at",
	((r."created_at" AT TIME ZONE 'UTC') + interval '7 hours')::date + 14,
	CASE WHEN r."status" IN ('closed_genuine', 'closed_fake') THEN r."updated_at" END,
	CASE r."status" WHEN 'closed_genuine' THEN 'genuine' WHEN 'closed_fake' THEN 'fake' END,
	r."resolution_note",
	CASE WHEN r."status" IN ('closed_genuine', 'closed_fake')
		THEN ((r."updated_at" AT TIME ZONE 'UTC') + interval '7 hours')::date
			> ((r."created_at" AT TIME ZONE 'UTC') + interval '7 hours')::date + 14
	END,
	r."created_at",
	r."updated_at"
FROM "fake_reports" r
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "case_events" ("case_id", "at", "type", "actor_role", "to_status", "data")
SELECT r."id", r."created_at", 'submitted', 'submitter', 'received', '{"migratedFrom":"fake_reports"}'::jsonb
FROM "fake_reports" r JOIN "cases" c ON c."id" = r."id";
--> statement-breakpoint
INSERT INTO "case_events" ("case_id", "at", "type", "actor_role", "from_status", "to_status", "data")
SELECT r."id", r."updated_at", 'accept', CASE WHEN r."organisation_id" IS NULL THEN 'ministry' ELSE 'officer' END,
	'received', 'in_progress', '{"migratedFrom":"fake_reports"}'::jsonb
FROM "fake_reports" r JOIN "cases" c ON c."id" = r."id"
WHERE r."status" = 'investigating';
--> statement-breakpoint
INSERT INTO "case_events" ("case_id", "at", "type", "actor_role", "to_status", "public_note", "data")
SELECT r."id", r."updated_at", 'resolve', CASE WHEN r."organisation_id" IS NULL THEN 'ministry' ELSE 'officer' END,
	'resolved', r."resolution_note",
	jsonb_build_object('migratedFrom', 'fake_reports', 'outcome', CASE r."status" WHEN 'closed_genuine' THEN 'genuine' ELSE 'fake' END)
FROM "fake_reports" r JOIN "cases" c ON c."id" = r."id"
WHERE r."status" IN ('closed_genuine', 'closed_fake');
