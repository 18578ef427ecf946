/** `npm run seed`: migrates the configured database and creates the demo data set where it is missing. */
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { prepareDatabase } from "~/lib/prepare-database.server";
import { seedDemoData } from "./seed-demo-data";

const handle = await connectDatabase();
await prepareDatabase(handle);
const { created } = await seedDemoData(handle.db);
await closeDatabase();
console.log(created ? "demo data created" : "demo data already present: nothing to do");
