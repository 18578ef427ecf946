/**
 * A school asks the ministry to add a programme missing from the catalogue (from the import's "unknown programme"
 * error); the ministry answers. The routes as Remix calls them: role checks with the school in the query, one
 * request per school and code, an audit row for each change, the answer shown to the school.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, programmeRequests, programmes, type Organisation } from "~db/schema";
import * as adminRoute from "~/routes/admin.reference.programme-requests";
import * as overview from "~/routes/admin.reference._index";
import * as importRoute from "~/routes/school.$code.batches.$batchId.import";
import * as schoolRoute from "~/routes/school.$code.programme-requests";
import { createOrganisation } from "../support/factories";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const MISSING = "6489998";

describe(`programme requests (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  async function member(role: Parameters<typeof signedInAs>[1], org: Organisation | null) {
    const user = await signedInAs(t.db, role, org);
    const cookie = user.get("/").headers.get("cookie")!;
    const post = (path: string, fields: Record<string, string>) =>
      new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { cookie },
        body: new URLSearchParams(fields),
      });
    return { ...user, post };
  }

  const school = (code: string) => createOrganisation(t.db, { kind: "school", code, name: `Trường Cao đẳng ${code}` });
  const rows = (organisationId: string) =>
    t.db.select().from(programmeRequests).where(eq(programmeRequests.organisationId, organisationId));
  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

  it("a registrar's request is made once per school and code, audited, with the level read from the import's text", async () => {
    const a = await school("CDPRA");
    const registrar = await member("school_registrar", a);
    const path = "/school/CDPRA/programme-requests";
    const first = await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post(path, { programmeCode: MISSING, level: "cao dang" }), { code: "CDPRA" }),
    );
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ ok: true, created: true, programmeCode: MISSING, status: "pending" });
    const again = await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post(path, { programmeCode: ` ${MISSING} `, programmeName: "Tên khác" }), { code: "CDPRA" }),
    );
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ ok: true, created: false, status: "pending" });

    const saved = await rows(a.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      programmeCode: MISSING,
      levelCode: "cao_dang",
      programmeName: null,
      requestedBy: registrar.id,
      status: "pending",
    });
    const created = await audits("programme-request.create");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorUserId: registrar.id, organisationId: a.id, entityId: saved[0]!.id });

    const list = await callRoute(schoolRoute.loader, routeArgs(registrar.get(path), { code: "CDPRA" }));
    expect(list.json.requests).toEqual([expect.objectContaining({ programmeCode: MISSING, status: "pending" })]);
    expect(list.json.canRequest).toBe(true);
  });

  it("refuses a bad code and a code already in the catalogue, with a message and no row", async () => {
    const a = await school("CDPRB");
    const registrar = await member("school_registrar", a);
    const path = "/school/CDPRB/programme-requests";
    const bad = await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post(path, { programmeCode: "12ab" }), { code: "CDPRB" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      ok: false,
      fieldErrors: { programmeCode: "programmeRequests.validation.code" },
      values: { programmeCode: "12ab" },
    });
    const known = await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post(path, { programmeCode: "6480201" }), { code: "CDPRB" }),
    );
    expect(known.status).toBe(409);
    expect(known.json).toEqual({ ok: false, error: "programmeRequests.error.programme_exists" });
    expect(await rows(a.id)).toHaveLength(0);
  });

  it("keeps schools apart: another school's staff get 403, a school's list holds only its own requests", async () => {
    const a = await school("CDPRC");
    const b = await school("CDPRD");
    const registrarA = await member("school_registrar", a);
    const registrarB = await member("school_registrar", b);
    const adminA = await member("school_admin", a);
    await callRoute(
      schoolRoute.action,
      routeArgs(registrarA.post("/school/CDPRC/programme-requests", { programmeCode: MISSING }), { code: "CDPRC" }),
    );

    const foreignPost = await callRoute(
      schoolRoute.action,
      routeArgs(registrarB.post("/school/CDPRC/programme-requests", { programmeCode: "6489997" }), { code: "CDPRC" }),
    );
    expect(foreignPost.status).toBe(403);
    const foreignList = await callRoute(
      schoolRoute.loader,
      routeArgs(registrarB.get("/school/CDPRC/programme-requests"), { code: "CDPRC" }),
    );
    expect(foreignList.status).toBe(403);
    const ownList = await callRoute(
      schoolRoute.loader,
      routeArgs(registrarB.get("/school/CDPRD/programme-requests"), { code: "CDPRD" }),
    );
    expect(ownList.json.requests).toEqual([]);
    // The school's administrator sees the requests but does not import diplomas, so does not make them.
    const adminList = await callRoute(
      schoolRoute.loader,
      routeArgs(adminA.get("/school/CDPRC/programme-requests"), { code: "CDPRC" }),
    );
    expect(adminList.json.requests).toHaveLength(1);
    expect(adminList.json.canRequest).toBe(false);
    const adminPost = await callRoute(
      schoolRoute.action,
      routeArgs(adminA.post("/school/CDPRC/programme-requests", { programmeCode: "6489997" }), { code: "CDPRC" }),
    );
    expect(adminPost.status).toBe(403);
    expect(await rows(a.id)).toHaveLength(1);
  });

  it("the ministry sees pending requests, refuses with a note or marks added once the code is in the catalogue; the school sees the answer", async () => {
    const a = await school("CDPRE");
    const registrar = await member("school_registrar", a);
    const ministry = await member("ministry_admin", null);
    await callRoute(
      schoolRoute.action,
      routeArgs(
        registrar.post("/school/CDPRE/programme-requests", {
          programmeCode: MISSING,
          programmeName: "Kỹ thuật máy bay không người lái",
        }),
        { code: "CDPRE" },
      ),
    );
    await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post("/school/CDPRE/programme-requests", { programmeCode: "5489996" }), { code: "CDPRE" }),
    );
    const [request] = await t.db
      .select()
      .from(programmeRequests)
      .where(and(eq(programmeRequests.organisationId, a.id), eq(programmeRequests.programmeCode, MISSING)));

    const adminPath = "/admin/reference/programme-requests";
    expect((await callRoute(adminRoute.loader, routeArgs(registrar.get(adminPath)))).status).toBe(403);
    expect(
      (
        await callRoute(
          adminRoute.action,
          routeArgs(registrar.post(adminPath, { id: request!.id, status: "refused", adminNote: "x" })),
        )
      ).status,
    ).toBe(403);
    const pending = await callRoute(adminRoute.loader, routeArgs(ministry.get(adminPath)));
    expect(pending.json.filter).toBe("pending");
    expect(pending.json.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          programmeCode: MISSING,
          schoolCode: "CDPRE",
          programmeName: "Kỹ thuật máy bay không người lái",
          requesterEmail: registrar.email,
          inCatalogue: false,
        }),
      ]),
    );
    const counts = await callRoute(overview.loader, routeArgs(ministry.get("/admin/reference")));
    expect(counts.json.pendingRequests).toBe(2);

    const notYetAdded = await callRoute(
      adminRoute.action,
      routeArgs(ministry.post(adminPath, { id: request!.id, status: "added" })),
    );
    expect(notYetAdded.status).toBe(409);
    expect(notYetAdded.json.formError).toBe("programmeRequests.error.programme_missing");
    const noReason = await callRoute(
      adminRoute.action,
      routeArgs(ministry.post(adminPath, { id: request!.id, status: "refused", adminNote: "  " })),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.json.fieldErrors.adminNote).toBe("programmeRequests.validation.noteRequired");

    const refused = await callRoute(
      adminRoute.action,
      routeArgs(
        ministry.post(adminPath, {
          id: request!.id,
          status: "refused",
          adminNote: "Chưa có chương trình khung được phê duyệt.",
        }),
      ),
    );
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toContain(`answered=${MISSING}`);
    let seen = await callRoute(
      schoolRoute.loader,
      routeArgs(registrar.get("/school/CDPRE/programme-requests"), { code: "CDPRE" }),
    );
    expect(seen.json.requests.find((r: { programmeCode: string }) => r.programmeCode === MISSING)).toMatchObject({
      status: "refused",
      adminNote: "Chưa có chương trình khung được phê duyệt.",
    });

    await t.db.insert(programmes).values({
      code: MISSING,
      nameVi: "Kỹ thuật máy bay không người lái",
      levelCode: "cao_dang",
      fieldCode: "48",
      source: "admin",
    });
    const added = await callRoute(
      adminRoute.action,
      routeArgs(ministry.post(adminPath, { id: request!.id, status: "added", adminNote: "" })),
    );
    expect(added.status).toBe(302);
    seen = await callRoute(
      schoolRoute.loader,
      routeArgs(registrar.get("/school/CDPRE/programme-requests"), { code: "CDPRE" }),
    );
    expect(seen.json.requests.find((r: { programmeCode: string }) => r.programmeCode === MISSING)).toMatchObject({
      status: "added",
      adminNote: null,
    });
    const answers = await audits("programme-request.answer");
    expect(
      answers.map((e) => [
        e.actorUserId,
        (e.details as { from: string; to: string }).from,
        (e.details as { to: string }).to,
      ]),
    ).toEqual([
      [ministry.id, "pending", "refused"],
      [ministry.id, "refused", "added"],
    ]);
    const stillPending = await callRoute(adminRoute.loader, routeArgs(ministry.get(`${adminPath}?status=pending`)));
    expect(stillPending.json.requests.map((r: { programmeCode: string }) => r.programmeCode)).toEqual(["5489996"]);
  });

  it("the import page lists the school's requests with the ministry's answers", async () => {
    const a = await school("CDPRF");
    const registrar = await member("school_registrar", a);
    const [batch] = await t.db
      .insert(diplomaBatches)
      .values({ organisationId: a.id, title: "Đợt tháng 6", status: "draft", createdBy: registrar.id })
      .returning();
    await callRoute(
      schoolRoute.action,
      routeArgs(registrar.post("/school/CDPRF/programme-requests", { programmeCode: MISSING }), { code: "CDPRF" }),
    );
    const page = await callRoute(
      importRoute.loader,
      routeArgs(registrar.get(`/school/CDPRF/batches/${batch!.id}/import`), { code: "CDPRF", batchId: batch!.id }),
    );
    expect(page.status).toBe(200);
    expect(page.json.programmeRequests).toEqual([
      expect.objectContaining({ programmeCode: MISSING, status: "pending" }),
    ]);
  });
});
