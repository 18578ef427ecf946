CREATE TABLE "application_diplomas" (
	"application_id" uuid NOT NULL,
	"diploma_id" uuid NOT NULL,
	CONSTRAINT "application_diplomas_application_id_diploma_id_pk" PRIMARY KEY("application_id","diploma_id")
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_pool" (
	"diploma_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"programme_code" varchar(8) NOT NULL,
	"programme_key" varchar(6),
	"group_code" varchar(4),
	"field_code" varchar(2),
	"level_rank" smallint NOT NULL,
	"province_codes" varchar(2)[] NOT NULL,
	"skills_folded" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"industry" text,
	"size" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"logo_url" text,
	"description" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduate_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "graduate_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"province_codes" varchar(2)[] DEFAULT '{}' NOT NULL,
	"salary_expectation_vnd" bigint,
	"job_types" text[] DEFAULT '{}' NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_invitations" (
	"job_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_invitations_job_id_user_id_pk" PRIMARY KEY("job_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "job_match_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"programme_code" varchar(8),
	"programme_key" varchar(6),
	"group_code" varchar(4),
	"field_code" varchar(2),
	"vsco_code" varchar(4),
	"min_level_rank" smallint NOT NULL,
	"province_codes" varchar(2)[] NOT NULL,
	"neighbour_codes" varchar(2)[] NOT NULL,
	"remote" boolean NOT NULL,
	"skills_folded" text[] NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"deadline" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"programme_codes" varchar(8)[] DEFAULT '{}' NOT NULL,
	"occupation_code" varchar(4),
	"min_level_code" text NOT NULL,
	"province_codes" varchar(2)[] DEFAULT '{}' NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"salary_min_vnd" bigint,
	"salary_max_vnd" bigint,
	"salary_negotiable" boolean DEFAULT false NOT NULL,
	"employment_type" text NOT NULL,
	"openings" integer DEFAULT 1 NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"search_tsv" "tsvector",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_salary_range" CHECK ("jobs"."salary_min_vnd" is null or "jobs"."salary_max_vnd" is null or "jobs"."salary_min_vnd" <= "jobs"."salary_max_vnd"),
	CONSTRAINT "jobs_openings_positive" CHECK ("jobs"."openings" > 0),
	CONSTRAINT "jobs_has_target" CHECK (cardinality("jobs"."programme_codes") > 0 or "jobs"."occupation_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"job_id" uuid,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "province_neighbours" (
	"province_code" varchar(2) NOT NULL,
	"neighbour_code" varchar(2) NOT NULL,
	CONSTRAINT "province_neighbours_province_code_neighbour_code_pk" PRIMARY KEY("province_code","neighbour_code")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_diplomas" ADD CONSTRAINT "application_diplomas_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_diplomas" ADD CONSTRAINT "application_diplomas_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD CONSTRAINT "candidate_pool_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_pool" ADD CONSTRAINT "candidate_pool_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_profiles" ADD CONSTRAINT "employer_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_consents" ADD CONSTRAINT "graduate_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_profiles" ADD CONSTRAINT "graduate_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_match_targets" ADD CONSTRAINT "job_match_targets_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_min_level_code_training_levels_code_fk" FOREIGN KEY ("min_level_code") REFERENCES "public"."training_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_neighbours" ADD CONSTRAINT "province_neighbours_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_neighbours" ADD CONSTRAINT "province_neighbours_neighbour_code_provinces_code_fk" FOREIGN KEY ("neighbour_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_job_user_unique" ON "applications" USING btree ("job_id","user_id");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("organisation_id","job_id","status");--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "candidate_pool_user_idx" ON "candidate_pool" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "candidate_pool_code_idx" ON "candidate_pool" USING btree ("programme_code");--> statement-breakpoint
CREATE INDEX "candidate_pool_key_idx" ON "candidate_pool" USING btree ("programme_key","level_rank");--> statement-breakpoint
CREATE INDEX "candidate_pool_group_idx" ON "candidate_pool" USING btree ("group_code","level_rank");--> statement-breakpoint
CREATE INDEX "candidate_pool_field_idx" ON "candidate_pool" USING btree ("field_code","level_rank");--> statement-breakpoint
CREATE INDEX "candidate_pool_provinces_idx" ON "candidate_pool" USING gin ("province_codes");--> statement-breakpoint
CREATE UNIQUE INDEX "graduate_consents_current" ON "graduate_consents" USING btree ("user_id","purpose") WHERE "graduate_consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "graduate_consents_user_idx" ON "graduate_consents" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE INDEX "job_invitations_user_idx" ON "job_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "job_match_targets_job_idx" ON "job_match_targets" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "job_match_targets_key_idx" ON "job_match_targets" USING btree ("programme_key");--> statement-breakpoint
CREATE INDEX "job_match_targets_code_idx" ON "job_match_targets" USING btree ("programme_code");--> statement-breakpoint
CREATE INDEX "job_match_targets_group_idx" ON "job_match_targets" USING btree ("group_code");--> statement-breakpoint
CREATE INDEX "job_match_targets_field_idx" ON "job_match_targets" USING btree ("field_code","deadline");--> statement-breakpoint
CREATE INDEX "job_match_targets_vsco_idx" ON "job_match_targets" USING btree ("vsco_code","deadline");--> statement-breakpoint
CREATE INDEX "job_match_targets_provinces_idx" ON "job_match_targets" USING gin ("province_codes");--> statement-breakpoint
CREATE INDEX "job_match_targets_neighbours_idx" ON "job_match_targets" USING gin ("neighbour_codes");--> statement-breakpoint
CREATE INDEX "jobs_org_idx" ON "jobs" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_open_idx" ON "jobs" USING btree ("status","deadline","published_at");--> statement-breakpoint
CREATE INDEX "jobs_search_idx" ON "jobs" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "jobs_provinces_idx" ON "jobs" USING gin ("province_codes");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");--> statement-breakpoint
-- Text folding for search: unaccent() is only STABLE (its dictionary could change), so an IMMUTABLE wrapper that
-- names the dictionary lets tsvectors and indexes use it. "Kế toán" and "ke toan" both fold to "ke toan".
CREATE OR REPLACE FUNCTION vb_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
