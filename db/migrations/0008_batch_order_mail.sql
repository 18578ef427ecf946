ALTER TABLE "diploma_batches" ADD COLUMN "row_order" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "diploma_batches" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "diplomas" ADD COLUMN "replacement_reason" text;