CREATE TABLE "fake_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" varchar(16) NOT NULL,
	"organisation_id" uuid,
	"submitted_text" varchar(2000),
	"verdict" varchar(32),
	"description" varchar(2000) NOT NULL,
	"reporter_email" varchar(254),
	"status" text DEFAULT 'received' NOT NULL,
	"resolution_note" varchar(2000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fake_reports" ADD CONSTRAINT "fake_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fake_reports_tracking_code_unique" ON "fake_reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "fake_reports_org_idx" ON "fake_reports" USING btree ("organisation_id","created_at");