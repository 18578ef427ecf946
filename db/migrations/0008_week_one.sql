CREATE TABLE "occupations" (
	"code" varchar(4) PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text
);
--> statement-breakpoint
CREATE TABLE "job_alert_digests" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"jobs" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_alert_digests_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"diploma_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token" text NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_code" varchar(8) NOT NULL,
	"programme_name" varchar(300),
	"level_code" text,
	"requested_by" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"admin_note" varchar(2000),
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_requests_status" CHECK ("programme_requests"."status" in ('pending', 'added', 'refused')),
	CONSTRAINT "programme_requests_code" CHECK ("programme_requests"."programme_code" ~ '^[0-9]{7,8}$')
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "registration_document" text;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD COLUMN "row_order" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD COLUMN "salary_expectation_vnd" bigint;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD COLUMN "job_types" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_match_targets" ADD COLUMN "salary_top_vnd" bigint;--> statement-breakpoint
ALTER TABLE "job_match_targets" ADD COLUMN "employment_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_alert_digests" ADD CONSTRAINT "job_alert_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_requests" ADD CONSTRAINT "programme_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_requests" ADD CONSTRAINT "programme_requests_level_code_training_levels_code_fk" FOREIGN KEY ("level_code") REFERENCES "public"."training_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_requests" ADD CONSTRAINT "programme_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_requests" ADD CONSTRAINT "programme_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_unique" ON "share_links" USING btree ("token");--> statement-breakpoint
CREATE INDEX "share_links_user_diploma_idx" ON "share_links" USING btree ("user_id","diploma_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_requests_school_code_unique" ON "programme_requests" USING btree ("organisation_id","programme_code");--> statement-breakpoint
CREATE INDEX "programme_requests_status_idx" ON "programme_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unmailed_alerts_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."kind" = 'job_alert' and "notifications"."mailed_at" is null;