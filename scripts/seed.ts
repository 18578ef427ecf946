/** `npm run seed`: migrates the configured database and creates the demo data set where it is missing. */
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { prepareDatabase } from "~/lib/prepare-database.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { seedDemoData } from "./seed-demo-data";

const handle = await connectDatabase();
await prepareDatabase(handle);
const { created } = await seedDemoData(handle.db);
// The ministry's key and one for every accredited school (the demo schools are seeded accredited).
await ensureKeysForAccreditedSchools(handle.db);
await closeDatabase();
console.log(created ? "demo data created" : "demo data already present: nothing to do");
