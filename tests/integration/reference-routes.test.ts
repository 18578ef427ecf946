/**
 * The reference-data routes as Remix calls them: every loader and action guards with reference:edit, URL
 * parameters are validated, a rejected form comes back with what was typed, and the CSV upload is all or nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, programmes, roleAssignments, users, type Organisation, type Role } from "~db/schema";
import { createSession } from "~/lib/session.server";
import * as crosswalk from "~/routes/admin.reference.crosswalk";
import * as fieldsRoute from "~/routes/admin.reference.fields";
import * as groupsRoute from "~/routes/admin.reference.groups";
import * as overview from "~/routes/admin.reference._index";
import * as levelsRoute from "~/routes/admin.reference.levels";
import * as programme from "~/routes/admin.reference.programmes.$code";
import * as programmeList from "~/routes/admin.reference.programmes._index";
import * as importRoute from "~/routes/admin.reference.programmes.import";
import * as newProgramme from "~/routes/admin.reference.programmes.new";
import * as provincesRoute from "~/routes/admin.reference.provinces";
import { callRoute, routeArgs, type RouteArgs as Args } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", name)));

describe(`reference routes (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  let sequence = 0;

  /** A signed-in user holding `role` (written straight to the database: these tests are about the routes). */
  async function as(role: Role, organisation: Organisation | null = null) {
    const [member] = await t.db
      .insert(users)
      .values({
        email: `reference${++sequence}@example.vn`,
        fullName: `Người thử ${sequence}`,
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    await t.db.insert(roleAssignments).values({ userId: member!.id, role, organisationId: organisation?.id ?? null });
    const { setCookie } = await createSession(t.db, { userId: member!.id, ip: null, userAgent: "vitest" });
    const cookie = setCookie.split(";")[0]!;
    return {
      id: member!.id,
      get: (p: string) => new Request(`http://localhost${p}`, { headers: { cookie } }),
      post: (p: string, fields: Record<string, string>) =>
        new Request(`http://localhost${p}`, { method: "POST", headers: { cookie }, body: new URLSearchParams(fields) }),
      upload: (
        p: string,
        file: { name: string; bytes: Uint8Array<ArrayBuffer> | string },
        extra: Record<string, string> = {},
      ) => {
        const body = new FormData();
        body.append("file", new File([file.bytes], file.name, { type: "text/csv" }));
        for (const [k, v] of Object.entries(extra)) body.append(k, v);
        return new Request(`http://localhost${p}`, { method: "POST", headers: { cookie }, body });
      },
    };
  }

  const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params, "198.51.100.7");

  const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

  it("guards every loader and action: sign-in redirect for visitors, 403 for other roles", async () => {
    const [school] = await t.db
      .insert(organisations)
      .values({
        kind: "school",
        code: "REFTEST",
        name: "Trường thử",
        provinceCode: "01",
        schoolType: "cao_dang",
        status: "accredited",
      })
      .returning();
    const schoolAdmin = await as("school_admin", school!);
    const routes: [
      string,
      { loader: (a: Args) => Promise<unknown>; action?: (a: Args) => Promise<unknown> },
      Record<string, string>,
    ][] = [
      ["/admin/reference", overview, {}],
      ["/admin/reference/provinces", provincesRoute, {}],
      ["/admin/reference/levels", levelsRoute, {}],
      ["/admin/reference/fields", fieldsRoute, {}],
      ["/admin/reference/groups", groupsRoute, {}],
      ["/admin/reference/programmes", programmeList, {}],
      ["/admin/reference/programmes/new", newProgramme, {}],
      ["/admin/reference/programmes/6480201", programme, { code: "6480201" }],
      ["/admin/reference/programmes/import", importRoute, {}],
      ["/admin/reference/crosswalk", crosswalk, {}],
    ];
    for (const [p, route, params] of routes) {
      const anonymous = await callRoute(route.loader, args(new Request(`http://localhost${p}`), params));
      expect(anonymous.status, p).toBe(302);
      expect(anonymous.location).toMatch(/^\/sign-in\?redirectTo=/);
      expect((await callRoute(route.loader, args(schoolAdmin.get(p), params))).status, p).toBe(403);
      if (route.action) {
        expect((await callRoute(route.action, args(schoolAdmin.post(p, { nameVi: "x" }), params))).status, p).toBe(403);
      }
    }
    const upload = await callRoute(
      importRoute.action,
      args(
        schoolAdmin.upload("/admin/reference/programmes/import", {
          name: "a.csv",
          bytes: fixture("programmes-import-valid.csv"),
        }),
      ),
    );
    expect(upload.status).toBe(403);
    expect((await t.db.select({ n: count() }).from(programmes))[0]!.n).toBe(43);
  });

  it("keeps what the admin typed when a programme form is rejected, and saves a valid one", async () => {
    const admin = await as("ministry_admin");
    const rejected = await callRoute(
      newProgramme.action,
      args(
        admin.post("/admin/reference/programmes/new", {
          code: "5480299",
          nameVi: "Ngành thử",
          nameEn: "Trial",
          levelCode: "cao_dang",
          source: "admin",
        }),
      ),
    );
    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({
      values: { code: "5480299", nameVi: "Ngành thử", nameEn: "Trial", levelCode: "cao_dang" },
      fieldErrors: { levelCode: "reference.error.level_mismatch" },
    });

    const invalid = await callRoute(
      newProgramme.action,
      args(admin.post("/admin/reference/programmes/new", { code: "12", nameVi: "  ", levelCode: "cao_dang" })),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.fieldErrors).toMatchObject({
      code: "reference.validation.programmeCode",
      nameVi: "form.required",
    });
    expect(invalid.body.values.code).toBe("12");

    const saved = await callRoute(
      newProgramme.action,
      args(
        admin.post("/admin/reference/programmes/new", {
          code: "6480299",
          nameVi: "Ngành thử",
          nameEn: "",
          levelCode: "cao_dang",
          source: "admin",
        }),
      ),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/reference/programmes/6480299?saved=1");
    const [row] = await t.db.select().from(programmes).where(eq(programmes.code, "6480299"));
    expect(row).toMatchObject({ nameVi: "Ngành thử", nameEn: null, source: "admin", groupCode: "4802" });
  });

  it("answers 404 for a malformed or unknown programme code", async () => {
    const admin = await as("ministry_admin");
    for (const code of ["abc", "6480201' or 1=1", "123", "6999999"]) {
      expect(
        (await callRoute(programme.loader, args(admin.get(`/admin/reference/programmes/${code}`), { code }))).status,
        code,
      ).toBe(404);
      expect(
        (
          await callRoute(
            programme.action,
            args(admin.post(`/admin/reference/programmes/${code}`, { intent: "deactivate" }), { code }),
          )
        ).status,
        code,
      ).toBe(404);
    }
  });

  it("deactivates a programme from its page", async () => {
    const admin = await as("ministry_admin");
    const result = await callRoute(
      programme.action,
      args(admin.post("/admin/reference/programmes/6480201", { intent: "deactivate" }), { code: "6480201" }),
    );
    expect(result.location).toBe("/admin/reference/programmes/6480201?active=0");
    const [row] = await t.db.select().from(programmes).where(eq(programmes.code, "6480201"));
    expect(row?.active).toBe(false);
  });

  it("ignores malformed list parameters rather than failing", async () => {
    const admin = await as("ministry_admin");
    const list = await callRoute(
      programmeList.loader,
      args(admin.get("/admin/reference/programmes?page=abc&level=%27%3B&field=4&q=cong%20nghe")),
    );
    expect(list.status).toBe(200);
    expect(list.body.query).toMatchObject({ page: 1, q: "cong nghe", status: "all" });
    expect(list.body.rows.map((r: { code: string }) => r.code)).toContain("6480201");
  });

  it("uploads an invalid CSV: 422, the report in row order, nothing imported", async () => {
    const admin = await as("ministry_admin");
    const before = await auditCount();
    const result = await callRoute(
      importRoute.action,
      args(
        admin.upload("/admin/reference/programmes/import", {
          name: "danh-muc.csv",
          bytes: fixture("programmes-import-invalid.csv"),
        }),
      ),
    );
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      status: "rejected",
      fileName: "danh-muc.csv",
      report: { invalidRowCount: 10, rowCount: 11 },
    });
    expect(result.body.report.issues[0]).toMatchObject({ row: 3, column: "code", code: "code_length" });
    expect(result.body.report.rows).toBeUndefined();
    expect((await t.db.select({ n: count() }).from(programmes))[0]!.n).toBe(43);
    expect(await auditCount()).toBe(before);
  });

  it("uploads a valid CSV: imported, counted, one audit row", async () => {
    const admin = await as("ministry_admin");
    const before = await auditCount();
    const result = await callRoute(
      importRoute.action,
      args(
        admin.upload("/admin/reference/programmes/import", {
          name: "danh-muc.csv",
          bytes: fixture("programmes-import-valid.csv"),
        }),
      ),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: "done", summary: { created: 4, updated: 2, unchanged: 1 } });
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses an upload without a file, or with another kind of file", async () => {
    const admin = await as("ministry_admin");
    const noFile = await callRoute(
      importRoute.action,
      args(admin.post("/admin/reference/programmes/import", { dryRun: "1" })),
    );
    expect(noFile.body).toMatchObject({ status: "error", error: "reference.import.noFile" });
    const wrongType = await callRoute(
      importRoute.action,
      args(admin.upload("/admin/reference/programmes/import", { name: "list.xlsx", bytes: "PK" })),
    );
    expect(wrongType.body).toMatchObject({ status: "error", error: "reference.import.wrongType" });
    const tooLarge = await callRoute(
      importRoute.action,
      args(
        admin.upload("/admin/reference/programmes/import", { name: "big.csv", bytes: new Uint8Array(6 * 1024 * 1024) }),
      ),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ status: "error", error: "reference.csv.file_too_large" });
  });

  it("keeps the typed crosswalk pair when the programme key is unknown", async () => {
    const admin = await as("ministry_admin");
    const result = await callRoute(
      crosswalk.action,
      args(
        admin.post("/admin/reference/crosswalk", {
          intent: "add",
          programmeKey: "999999",
          vscoCode: "2431",
          status: "proposed",
        }),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      values: { programmeKey: "999999", vscoCode: "2431" },
      fieldErrors: { programmeKey: "reference.error.unknownProgrammeKey" },
    });
    const added = await callRoute(
      crosswalk.action,
      args(
        admin.post("/admin/reference/crosswalk", {
          intent: "add",
          programmeKey: "6340116",
          vscoCode: "2431",
          status: "proposed",
        }),
      ),
    );
    expect(added.location).toBe("/admin/reference/crosswalk?done=added");
  });

  it("saves a province edit and redirects, or returns the typed values", async () => {
    const admin = await as("ministry_admin");
    const bad = await callRoute(
      provincesRoute.action,
      args(admin.post("/admin/reference/provinces?edit=01", { code: "01", nameVi: "", nameEn: "Hanoi", kind: "vùng" })),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      values: { nameEn: "Hanoi", kind: "vùng" },
      fieldErrors: { nameVi: "form.required", kind: "reference.validation.provinceKind" },
    });
    const ok = await callRoute(
      provincesRoute.action,
      args(
        admin.post("/admin/reference/provinces", { code: "01", nameVi: "Hà Nội", nameEn: "Hanoi", kind: "thành phố" }),
      ),
    );
    expect(ok.location).toBe("/admin/reference/provinces?saved=1");
  });
});
