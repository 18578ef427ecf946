import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied by drizzle-orm's migrator (scripts/migrate.ts and at start-up),
// because drizzle-kit cannot load PGlite's extensions.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
