CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" integer,
	"purpose" varchar(32) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"media_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage" text NOT NULL,
	"content" "bytea",
	"storage_key" varchar(200),
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_code_counters" (
	"prefix" varchar(4) NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" varchar(32) NOT NULL,
	"actor_user_id" uuid,
	"actor_role" varchar(16) NOT NULL,
	"from_status" text,
	"to_status" text,
	"public_note" text,
	"internal_note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_kind_settings" (
	"kind" text PRIMARY KEY NOT NULL,
	"deadline_working_days" smallint NOT NULL,
	"fee_vnd" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(24) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"submitter_user_id" uuid,
	"submitter_capacity" varchar(32),
	"submitter_name" varchar(200),
	"submitter_email" varchar(254),
	"submitter_phone" varchar(32),
	"anonymous" boolean DEFAULT false NOT NULL,
	"organisation_id" uuid,
	"department" varchar(64),
	"assignee_user_id" uuid,
	"topic" varchar(64),
	"title" varchar(300) NOT NULL,
	"body" text NOT NULL,
	"diploma_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assembly_session" varchar(16),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date,
	"paused_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" varchar(32),
	"outcome_note" text,
	"closed_late" boolean,
	"result_document_id" uuid,
	"result_diploma_id" uuid,
	"merged_into_id" uuid,
	"rating" smallint,
	"rating_comment" varchar(1000),
	"rated_at" timestamp with time zone,
	"publish_consent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_rating_range" CHECK ("cases"."rating" is null or "cases"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "copy_register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"entry_number" integer NOT NULL,
	"diploma_id" uuid NOT NULL,
	"case_id" uuid,
	"copies" smallint DEFAULT 1 NOT NULL,
	"delivery" varchar(16) NOT NULL,
	"recipient_name" varchar(200) NOT NULL,
	"postal_address" varchar(500),
	"tracking_number" varchar(64),
	"document_id" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"topic" varchar(64) NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"organisation_id" uuid,
	"document_id" uuid,
	"search_tsv" "tsvector",
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signed_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"key_id" uuid NOT NULL,
	"case_id" uuid,
	"diploma_id" uuid,
	"credential" jsonb NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_kind_settings" ADD CONSTRAINT "case_kind_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_result_diploma_id_diplomas_id_fk" FOREIGN KEY ("result_diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copy_register_entries" ADD CONSTRAINT "copy_register_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copy_register_entries" ADD CONSTRAINT "copy_register_entries_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copy_register_entries" ADD CONSTRAINT "copy_register_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copy_register_entries" ADD CONSTRAINT "copy_register_entries_document_id_signed_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."signed_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copy_register_entries" ADD CONSTRAINT "copy_register_entries_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_answers" ADD CONSTRAINT "published_answers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_answers" ADD CONSTRAINT "published_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_answers" ADD CONSTRAINT "published_answers_document_id_signed_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."signed_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_answers" ADD CONSTRAINT "published_answers_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_key_id_signing_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_code_counters_pk" ON "case_code_counters" USING btree ("prefix","year");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_code_unique" ON "cases" USING btree ("code");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("organisation_id","due_on") WHERE "cases"."status" in ('received', 'in_progress', 'awaiting_submitter');--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_user_id","due_on") WHERE "cases"."status" in ('received', 'in_progress', 'awaiting_submitter');--> statement-breakpoint
CREATE INDEX "cases_submitter_idx" ON "cases" USING btree ("submitter_user_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_kind_received_idx" ON "cases" USING btree ("kind","received_at");--> statement-breakpoint
CREATE INDEX "cases_org_received_idx" ON "cases" USING btree ("organisation_id","received_at");--> statement-breakpoint
CREATE INDEX "cases_session_idx" ON "cases" USING btree ("assembly_session") WHERE "cases"."assembly_session" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "copy_register_number_unique" ON "copy_register_entries" USING btree ("organisation_id","year","entry_number");--> statement-breakpoint
CREATE INDEX "copy_register_diploma_idx" ON "copy_register_entries" USING btree ("diploma_id");--> statement-breakpoint
CREATE UNIQUE INDEX "published_answers_case_unique" ON "published_answers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "published_answers_search_idx" ON "published_answers" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "published_answers_topic_idx" ON "published_answers" USING btree ("topic","published_at");--> statement-breakpoint
CREATE INDEX "signed_documents_case_idx" ON "signed_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "signed_documents_org_idx" ON "signed_documents" USING btree ("organisation_id");