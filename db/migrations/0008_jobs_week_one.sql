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
ALTER TABLE "organisations" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "registration_document" text;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD COLUMN "salary_expectation_vnd" bigint;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD COLUMN "job_types" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_match_targets" ADD COLUMN "salary_top_vnd" bigint;--> statement-breakpoint
ALTER TABLE "job_match_targets" ADD COLUMN "employment_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_alert_digests" ADD CONSTRAINT "job_alert_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unmailed_alerts_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."kind" = 'job_alert' and "notifications"."mailed_at" is null;