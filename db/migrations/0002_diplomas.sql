CREATE TABLE "register_counters" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next_register_number" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serial_counters" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"next_serial" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"key_ref" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"private_key_ciphertext" text NOT NULL,
	"kek_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"compromised_from" timestamp with time zone,
	"compromise_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diploma_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"signing_key_id" uuid
);
--> statement-breakpoint
CREATE TABLE "diplomas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"batch_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"full_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"place_of_birth" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"personal_id_ciphertext" text NOT NULL,
	"personal_id_hash" text NOT NULL,
	"programme_code" varchar(8) NOT NULL,
	"programme_name" text NOT NULL,
	"level_code" text NOT NULL,
	"mode_of_study" text NOT NULL,
	"classification" text NOT NULL,
	"honorific_title" text,
	"graduation_date" date NOT NULL,
	"graduation_decision_number" text NOT NULL,
	"serial" text,
	"register_year" integer,
	"register_number" integer,
	"issue_date" date,
	"issue_place" text,
	"signer_name" text,
	"signer_title" text,
	"signing_key_id" uuid,
	"signed_at" timestamp with time zone,
	"credential" jsonb,
	"credential_hash" text,
	"qr_payload" text,
	"revocation_list_id" uuid,
	"revocation_index" integer,
	"suspension_list_id" uuid,
	"suspension_index" integer,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"claim_code_hash" text,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diplomas_signed_has_numbers" CHECK ("diplomas"."status" = 'draft' or ("diplomas"."serial" is not null and "diplomas"."register_number" is not null and "diplomas"."credential" is not null))
);
--> statement-breakpoint
CREATE TABLE "issuance_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"batch_id" uuid,
	"leaf_count" integer NOT NULL,
	"merkle_root" text NOT NULL,
	"prev_hash" text NOT NULL,
	"entry_hash" text NOT NULL,
	"signing_key_id" uuid,
	"head_signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"diploma_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"related_diploma_id" uuid,
	"snapshot" jsonb NOT NULL,
	"remarks" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"list_number" integer NOT NULL,
	"size" integer DEFAULT 131072 NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	"bits" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_counters" ADD CONSTRAINT "serial_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD CONSTRAINT "diploma_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD CONSTRAINT "diploma_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD CONSTRAINT "diploma_batches_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD CONSTRAINT "diploma_batches_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD CONSTRAINT "diploma_batches_signing_key_id_signing_keys_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_batch_id_diploma_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."diploma_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_level_code_training_levels_code_fk" FOREIGN KEY ("level_code") REFERENCES "public"."training_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_signing_key_id_signing_keys_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_log" ADD CONSTRAINT "issuance_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_log" ADD CONSTRAINT "issuance_log_batch_id_diploma_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."diploma_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_log" ADD CONSTRAINT "issuance_log_signing_key_id_signing_keys_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_related_diploma_id_diplomas_id_fk" FOREIGN KEY ("related_diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_counters_pk" ON "register_counters" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_ref_unique" ON "signing_keys" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"key_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_active" ON "signing_keys" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "signing_keys"."status" = 'active';--> statement-breakpoint
CREATE INDEX "signing_keys_org_idx" ON "signing_keys" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "diploma_batches_org_idx" ON "diploma_batches" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_serial_unique" ON "diplomas" USING btree ("organisation_id","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_register_unique" ON "diplomas" USING btree ("organisation_id","register_year","register_number");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_revocation_index_unique" ON "diplomas" USING btree ("revocation_list_id","revocation_index");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_suspension_index_unique" ON "diplomas" USING btree ("suspension_list_id","suspension_index");--> statement-breakpoint
CREATE INDEX "diplomas_batch_idx" ON "diplomas" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "diplomas_org_status_idx" ON "diplomas" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "diplomas_personal_id_idx" ON "diplomas" USING btree ("personal_id_hash");--> statement-breakpoint
CREATE INDEX "diplomas_claimed_by_idx" ON "diplomas" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "diplomas_name_trgm_idx" ON "diplomas" USING gin (lower("full_name") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "issuance_log_seq_unique" ON "issuance_log" USING btree ("organisation_id","seq");--> statement-breakpoint
CREATE INDEX "register_entries_org_idx" ON "register_entries" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "register_entries_diploma_idx" ON "register_entries" USING btree ("diploma_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_lists_unique" ON "status_lists" USING btree ("organisation_id","purpose","list_number");