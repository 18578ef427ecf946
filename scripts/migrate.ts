/** `npm run db:migrate`: applies the committed migrations (and first-time reference data) to the configured database. */
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";

const started = performance.now();
getEnv();
const handle = await connectDatabase();
await prepareDatabase(handle);
await closeDatabase();
console.log(`migrations applied to ${handle.kind} in ${Math.round(performance.now() - started)} ms`);
