/** `npm run seed`: migrates the configured database and creates the demo data set where it is missing. */
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { getEnv } from "~/lib/env.server";
import { signingOriginProblem } from "~/lib/public-origin";
import { seedDemoDiplomas } from "~/modules/demo/demo-diplomas.server";
import { seedDemoJobs } from "~/modules/demo/demo-jobs.server";
import { seedDemoData } from "~/modules/demo/demo-data.server";

// The demo diplomas are signed with PUBLIC_ORIGIN: outside demo mode it must be an address verifiers can reach.
if (signingOriginProblem(getEnv())) {
  console.error(
    `PUBLIC_ORIGIN is ${getEnv().PUBLIC_ORIGIN}: outside demo mode diplomas are not signed with a loopback origin (set PUBLIC_ORIGIN, or DEMO_MODE=true)`,
  );
  process.exit(1);
}

const handle = await connectDatabase();
await prepareDatabase(handle);
const { created } = await seedDemoData(handle.db);
// The ministry's key and one for every accredited school (the demo schools are seeded accredited).
await ensureKeysForAccreditedSchools(handle.db);
// Signed diplomas for both demo schools, with a revocation, a suspension and a correction each.
const diplomas = await seedDemoDiplomas(handle.db, getEnv().PUBLIC_ORIGIN);
// The demo employer's jobs, the demo graduate's preferences and consents.
const demoJobs = await seedDemoJobs(handle.db);
await closeDatabase();
console.log(
  created || diplomas.schools > 0 || demoJobs.jobs > 0
    ? "demo data created"
    : "demo data already present: nothing to do",
);
