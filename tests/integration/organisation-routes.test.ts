/**
 * The organisation routes as Remix calls them: loader/action with a Request carrying a real session cookie.
 * Checks the edge: every loader and action guards, URL params are validated, bad input comes back with what was typed.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, roleAssignments, type Organisation, type Role } from "~db/schema";
import * as adminAudit from "~/routes/admin.audit";
import * as adminOrganisation from "~/routes/admin.organisations.$id";
import * as adminOrganisations from "~/routes/admin.organisations._index";
import * as employerMembers from "~/routes/employer.$code.members";
import * as schoolAudit from "~/routes/school.$code.audit";
import * as schoolMembers from "~/routes/school.$code.members";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`organisation routes (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  /** A signed-in member (cookie), with request builders. */
  const as = (role: Role, organisation: Organisation | null) => signedInAs(t.db, role, organisation);

  const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params, "198.51.100.7");

  describe("/admin/organisations/$id", () => {
    it("answers 404, not 500, for a malformed or unknown id", async () => {
      const admin = await as("ministry_admin", null);
      for (const id of ["not-a-uuid", "1 or 1=1", "00000000-0000-4000-8000-000000000000"]) {
        expect(
          (await callRoute(adminOrganisation.loader, args(admin.get(`/admin/organisations/${id}`), { id }))).status,
        ).toBe(404);
        expect(
          (
            await callRoute(
              adminOrganisation.action,
              args(admin.post(`/admin/organisations/${id}`, { change: "accredit" }), { id }),
            )
          ).status,
        ).toBe(404);
      }
    });

    it("is for the ministry only, in the loader and in the action", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolAdmin = await as("school_admin", school);
      const params = { id: school.id };
      expect(
        (await callRoute(adminOrganisation.loader, args(schoolAdmin.get(`/admin/organisations/${school.id}`), params)))
          .status,
      ).toBe(403);
      expect(
        (
          await callRoute(
            adminOrganisation.action,
            args(schoolAdmin.post(`/admin/organisations/${school.id}`, { change: "accredit" }), params),
          )
        ).status,
      ).toBe(403);
      expect((await callRoute(adminOrganisations.loader, args(schoolAdmin.get("/admin/organisations")))).status).toBe(
        403,
      );
      const [row] = await t.db
        .select({ status: organisations.status })
        .from(organisations)
        .where(eq(organisations.id, school.id));
      expect(row!.status).toBe("pending");
    });

    it("keeps what was typed and names the field when a rejection has no reason; records a valid decision", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      await createMember(t.db, "school_admin", school);
      const admin = await as("ministry_admin", null);
      const path = `/admin/organisations/${school.id}`;

      const refused = await callRoute(
        adminOrganisation.action,
        args(admin.post(path, { change: "reject", reason: "  " }), { id: school.id }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        ok: false,
        values: { change: "reject" },
        fieldErrors: { reason: "organisations.error.reason_required" },
      });

      const done = await callRoute(
        adminOrganisation.action,
        args(admin.post(path, { change: "accredit" }), { id: school.id }),
      );
      expect({ status: done.status, body: done.body }).toEqual({
        status: 200,
        body: { ok: true, status: "accredited" },
      });

      const page = await callRoute(adminOrganisation.loader, args(admin.get(path), { id: school.id }));
      expect(page.status).toBe(200);
      expect(page.body.organisation.status).toBe("accredited");
      expect(page.body.changes).toEqual(["suspend"]);
      expect(page.body.members).toHaveLength(1);
      expect(page.body.history.map((h: { action: string }) => h.action)).toEqual(["organisation.accredit"]);
      expect(page.body.history[0].actorIp).toBe("198.51.100.7");
    });
  });

  describe("/school/$code/members", () => {
    it("shows members to staff but the invite form only to administrators; a registrar's action is refused", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await as("school_admin", school);
      const registrar = await as("school_registrar", school);
      const path = `/school/${school.code}/members`;
      const params = { code: school.code };

      const seenByRegistrar = await callRoute(schoolMembers.loader, args(registrar.get(path), params));
      expect(seenByRegistrar.status).toBe(200);
      expect(seenByRegistrar.body.canManage).toBe(false);
      expect(seenByRegistrar.body.members).toHaveLength(2);
      expect((await callRoute(schoolMembers.loader, args(admin.get(path), params))).body.canManage).toBe(true);

      const refused = await callRoute(
        schoolMembers.action,
        args(
          registrar.post(path, { intent: "invite", email: "a@b.vn", fullName: "A B", role: "school_admin" }),
          params,
        ),
      );
      expect(refused.status).toBe(403);
      const removal = await callRoute(
        schoolMembers.action,
        args(registrar.post(path, { intent: "remove", assignmentId: admin.assignmentId }), params),
      );
      expect(removal.status).toBe(403);
      expect(
        await t.db.select().from(roleAssignments).where(eq(roleAssignments.organisationId, school.id)),
      ).toHaveLength(2);
    });

    it("gives bad input back with a Vietnamese message key per field and what was typed", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await as("school_admin", school);
      const result = await callRoute(
        schoolMembers.action,
        args(
          admin.post(`/school/${school.code}/members`, {
            intent: "invite",
            email: "khong-phai-email",
            fullName: "Trần Văn Bảy",
            role: "employer_member",
          }),
          {
            code: school.code,
          },
        ),
      );
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({
        intent: "invite",
        ok: false,
        values: { email: "khong-phai-email", fullName: "Trần Văn Bảy", role: "employer_member" },
        fieldErrors: { email: "validation.email", role: "members.error.role" },
      });
    });

    it("invites, then refuses to revoke the last administrator with a 409", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await as("school_admin", school);
      const path = `/school/${school.code}/members`;
      const params = { code: school.code };

      const invited = await callRoute(
        schoolMembers.action,
        args(
          admin.post(path, {
            intent: "invite",
            email: "Moi.Vao@Truong.EDU.vn",
            fullName: "Mới Vào",
            role: "school_principal",
          }),
          params,
        ),
      );
      expect(invited).toMatchObject({
        status: 200,
        body: { ok: true, notice: "members.invited", email: "moi.vao@truong.edu.vn" },
      });

      const last = await callRoute(
        schoolMembers.action,
        args(admin.post(path, { intent: "remove", assignmentId: admin.assignmentId }), params),
      );
      expect({ status: last.status, body: last.body }).toEqual({
        status: 409,
        body: { intent: "remove", ok: false, formError: "members.error.last_admin" },
      });
      const garbage = await callRoute(
        schoolMembers.action,
        args(admin.post(path, { intent: "remove", assignmentId: "x" }), params),
      );
      expect(garbage.status).toBe(400);
    });

    it("refuses school A's administrator on school B's page", async () => {
      const schoolA = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolB = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const adminA = await as("school_admin", schoolA);
      const registrarB = await createMember(t.db, "school_registrar", schoolB);
      await createMember(t.db, "school_admin", schoolB);
      const path = `/school/${schoolB.code}/members`;
      const params = { code: schoolB.code };

      expect((await callRoute(schoolMembers.loader, args(adminA.get(path), params))).status).toBe(403);
      expect(
        (
          await callRoute(
            schoolMembers.action,
            args(adminA.post(path, { intent: "remove", assignmentId: registrarB.assignmentId }), params),
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await callRoute(
            schoolMembers.action,
            args(
              adminA.post(path, { intent: "invite", email: "x@y.vn", fullName: "X Y", role: "school_admin" }),
              params,
            ),
          )
        ).status,
      ).toBe(403);
      expect(
        await t.db.select().from(roleAssignments).where(eq(roleAssignments.organisationId, schoolB.id)),
      ).toHaveLength(2);
    });
  });

  describe("/employer/$code/members", () => {
    it("lets an employer member invite a colleague and refuses a school's staff", async () => {
      const employer = await createOrganisation(t.db, { kind: "employer", status: "pending" });
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const member = await as("employer_member", employer);
      const schoolAdmin = await as("school_admin", school);
      const path = `/employer/${employer.code}/members`;
      const params = { code: employer.code };

      const page = await callRoute(employerMembers.loader, args(member.get(path), params));
      expect(page.body).toMatchObject({ kind: "employer", canManage: true, roles: ["employer_member"] });
      const invited = await callRoute(
        employerMembers.action,
        args(
          member.post(path, {
            intent: "invite",
            email: "dong.nghiep@congty.vn",
            fullName: "Đồng Nghiệp",
            role: "employer_member",
          }),
          params,
        ),
      );
      expect(invited.body).toMatchObject({ ok: true, notice: "members.invited" });
      expect((await callRoute(employerMembers.loader, args(schoolAdmin.get(path), params))).status).toBe(403);
    });
  });

  describe("audit viewers", () => {
    it("shows a school's administrator only the school's own entries, without addresses, and refuses its registrar", async () => {
      const schoolA = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolB = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const adminA = await as("school_admin", schoolA);
      const adminB = await as("school_admin", schoolB);
      const registrarA = await as("school_registrar", schoolA);
      for (const [admin, school] of [
        [adminA, schoolA],
        [adminB, schoolB],
      ] as const) {
        await callRoute(
          schoolMembers.action,
          args(
            admin.post(`/school/${school.code}/members`, {
              intent: "invite",
              email: `moi@${school.code.toLowerCase()}.vn`,
              fullName: "Người Mới",
              role: "school_registrar",
            }),
            {
              code: school.code,
            },
          ),
        );
      }

      const pathA = `/school/${schoolA.code}/audit`;
      const seen = await callRoute(
        schoolAudit.loader,
        args(adminA.get(`${pathA}?org=${schoolB.id}`), { code: schoolA.code }),
      );
      expect(seen.status).toBe(200);
      expect(seen.body.total).toBe(1);
      expect(seen.body.entries.map((e: { organisationId: string }) => e.organisationId)).toEqual([schoolA.id]);
      expect(seen.body.entries[0].actorIp).toBeNull();
      expect((await callRoute(schoolAudit.loader, args(registrarA.get(pathA), { code: schoolA.code }))).status).toBe(
        403,
      );
      expect(
        (await callRoute(schoolAudit.loader, args(adminA.get(`/school/${schoolB.code}/audit`), { code: schoolB.code })))
          .status,
      ).toBe(403);

      const ministry = await as("ministry_admin", null);
      const all = await callRoute(adminAudit.loader, args(ministry.get("/admin/audit")));
      expect(all.body.total).toBe(2);
      const onlyB = await callRoute(adminAudit.loader, args(ministry.get(`/admin/audit?org=${schoolB.id}&page=abc`)));
      expect(onlyB.body.entries.map((e: { organisationId: string }) => e.organisationId)).toEqual([schoolB.id]);
      expect((await callRoute(adminAudit.loader, args(adminA.get("/admin/audit")))).status).toBe(403);
    });
  });
});
