import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, diplomaBatches, diplomas, mailOutbox } from "~db/schema";
import { vietnamDate } from "~/lib/format-time";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { signedIn } from "../support/issued";
import { createMember } from "../support/members";
import { callRoute } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`signing with a loopback PUBLIC_ORIGIN outside demo mode (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  const saved = { origin: process.env.PUBLIC_ORIGIN, demo: process.env.DEMO_MODE };
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  afterEach(() => {
    restore("PUBLIC_ORIGIN", saved.origin);
    restore("DEMO_MODE", saved.demo);
    vi.resetModules();
  });

  it("is refused with a message and a code, and writes nothing", async () => {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDLO" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 3 });
    const auditBefore = (await t.db.select().from(auditLog)).length;
    const mailBefore = (await t.db.select().from(mailOutbox)).length;

    // A production server whose operator left PUBLIC_ORIGIN at localhost: fresh modules read the environment anew
    // and share this test's database.
    process.env.DEMO_MODE = "false";
    process.env.PUBLIC_ORIGIN = "http://localhost:3000";
    vi.resetModules();
    (await import("~/lib/db.server")).useDatabase(t.handle);
    const signPage = await import("~/routes/school.$code.batches.$batchId.sign");
    const user = await signedIn(t.db, { id: principal.id });
    const path = `/school/CDLO/batches/${batch.id}/sign`;
    const params = { code: "CDLO", batchId: batch.id };

    const page = await callRoute(signPage.loader, user.get(path, params));
    expect(page.status).toBe(200);
    expect(page.body.originProblem).toBe("loopback_origin");

    const answer = await callRoute(
      signPage.action,
      user.post(
        path,
        { issueDate: vietnamDate(), issuePlace: "Hà Nội", signerTitle: "Hiệu trưởng", confirm: "on" },
        params,
      ),
    );
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: "loopback_origin", formError: "issued.sign.error.loopback_origin" });
    const [row] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batch.id));
    expect(row?.status).toBe("submitted");
    const issued = async () =>
      (await t.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id))).filter((d) => d.status === "issued");
    expect(await issued()).toHaveLength(0);
    expect(await t.db.select().from(auditLog)).toHaveLength(auditBefore);
    expect(await t.db.select().from(mailOutbox)).toHaveLength(mailBefore);

    // The same server with its real address signs.
    process.env.PUBLIC_ORIGIN = "https://vanbang.gdnn.gov.vn";
    vi.resetModules();
    (await import("~/lib/db.server")).useDatabase(t.handle);
    const fixed = await import("~/routes/school.$code.batches.$batchId.sign");
    const signed = await callRoute(
      fixed.action,
      user.post(
        path,
        { issueDate: vietnamDate(), issuePlace: "Hà Nội", signerTitle: "Hiệu trưởng", confirm: "on" },
        params,
      ),
    );
    expect(signed.status).toBe(302);
    const signedRows = await issued();
    expect(signedRows).toHaveLength(3);
    expect(signedRows.every((d) => d.qrPayload?.startsWith("HTTPS://VANBANG.GDNN.GOV.VN/"))).toBe(true);
  });
});
