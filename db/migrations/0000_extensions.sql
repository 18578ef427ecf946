-- pg_trgm for fuzzy search, unaccent so "ke toan" finds "kế toán". Both are trusted extensions (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
