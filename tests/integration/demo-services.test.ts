/** The online services' demo data: a delivered certified copy of the demo graduate and a waiting letter, seeded once. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, copyRegisterEntries } from "~db/schema";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { seedDemoDiplomas } from "~/modules/demo/demo-diplomas.server";
import { seedDemoServices } from "~/modules/demo/demo-services.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`demo services (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });

  it("seeds a delivered copy and a waiting confirmation once", { timeout: 180_000 }, async () => {
    const origin = "http://localhost:3000";
    await seedDemoData(t.db);
    await ensureKeysForAccreditedSchools(t.db);
    await seedDemoDiplomas(t.db, origin);
    // The other demo seeds (demo-cases) have confirmations of their own: count only what this seed adds.
    const before = new Set(
      (await t.db.select({ id: cases.id }).from(cases).where(eq(cases.kind, "confirmation"))).map((r) => r.id),
    );
    expect(await seedDemoServices(t.db, origin)).toEqual({ created: true });
    expect(await seedDemoServices(t.db, origin)).toEqual({ created: false });
    const entries = await t.db.select().from(copyRegisterEntries);
    expect(entries).toHaveLength(1);
    const [copy] = await t.db.select().from(cases).where(eq(cases.id, entries[0]!.caseId!));
    expect(copy).toMatchObject({ status: "resolved", outcome: "delivered_electronic" });
    const letters = (await t.db.select().from(cases).where(eq(cases.kind, "confirmation"))).filter(
      (c) => !before.has(c.id),
    );
    expect(letters.map((c) => c.status)).toEqual(["received"]);
  });
});
