import { migrateDatabase, type DatabaseHandle } from "~/lib/db.server";
import { backfillMatchingPreferences } from "~/modules/matching/queries.server";
import { loadReferenceData } from "~/modules/reference/load-reference-data.server";

/** Brings a database to the current schema and makes sure the reference data is present. Idempotent. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  await loadReferenceData(handle.db);
  await backfillMatchingPreferences(handle.db);
}
