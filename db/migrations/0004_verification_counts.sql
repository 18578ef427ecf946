CREATE TABLE "verification_counts" (
	"organisation_id" uuid,
	"day" date NOT NULL,
	"verdict" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "verification_counts_unique" UNIQUE NULLS NOT DISTINCT("organisation_id","day","verdict")
);
--> statement-breakpoint
ALTER TABLE "verification_counts" ADD CONSTRAINT "verification_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;