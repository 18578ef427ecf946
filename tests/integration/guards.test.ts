import { describe, expect, it } from "vitest";
import type { Organisation, Role } from "~db/schema";
import { requireOrganisationPermission, requirePermission } from "~/lib/guards.server";
import { createSession } from "~/lib/session.server";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`requireOrganisationPermission (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  /** A request to `path` carrying a real session cookie of `userId`, as the browser would send it. */
  async function requestAs(userId: string, path = "/school/X/members"): Promise<Request> {
    const { setCookie } = await createSession(t.db, { userId, ip: null, userAgent: "vitest" });
    return new Request(`http://localhost${path}`, { headers: { cookie: setCookie.split(";")[0]! } });
  }

  async function memberRequest(role: Role, organisation: Organisation | null) {
    const member = await createMember(t.db, role, organisation);
    return requestAs(member.id);
  }

  /** The status of the Response the guard throws (a guard never returns a refusal). */
  async function thrownStatus(promise: Promise<unknown>): Promise<number> {
    try {
      await promise;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      throw thrown;
    }
    throw new Error("the guard did not throw");
  }

  it("gives a member of school A school A, and 403 for school B and for an unknown code", async () => {
    const schoolA = await createOrganisation(t.db, { kind: "school" });
    const schoolB = await createOrganisation(t.db, { kind: "school" });
    const request = await memberRequest("school_registrar", schoolA);

    const { organisation, session } = await requireOrganisationPermission(request, {
      kind: "school",
      code: schoolA.code,
      permission: "school:view",
    });
    expect(organisation.id).toBe(schoolA.id);
    expect(session.grants).toEqual([{ role: "school_registrar", organisationId: schoolA.id }]);

    expect(
      await thrownStatus(
        requireOrganisationPermission(request, { kind: "school", code: schoolB.code, permission: "school:view" }),
      ),
    ).toBe(403);
    expect(
      await thrownStatus(
        requireOrganisationPermission(request, { kind: "school", code: "KHONGCO", permission: "school:view" }),
      ),
    ).toBe(403);
    expect(
      await thrownStatus(
        requireOrganisationPermission(request, { kind: "school", code: undefined, permission: "school:view" }),
      ),
    ).toBe(403);
  });

  it("checks the permission inside the organisation: a registrar of A may view A but not manage its members", async () => {
    const schoolA = await createOrganisation(t.db, { kind: "school" });
    const registrar = await memberRequest("school_registrar", schoolA);
    expect(
      await thrownStatus(
        requireOrganisationPermission(registrar, {
          kind: "school",
          code: schoolA.code,
          permission: "school:manage-members",
        }),
      ),
    ).toBe(403);
    expect(
      await thrownStatus(
        requireOrganisationPermission(registrar, {
          kind: "school",
          code: schoolA.code,
          permission: "school:read-audit",
        }),
      ),
    ).toBe(403);

    const admin = await memberRequest("school_admin", schoolA);
    const { organisation } = await requireOrganisationPermission(admin, {
      kind: "school",
      code: schoolA.code,
      permission: "school:manage-members",
    });
    expect(organisation.id).toBe(schoolA.id);
  });

  it("an administrator of school B cannot manage school A's members", async () => {
    const schoolA = await createOrganisation(t.db, { kind: "school" });
    const schoolB = await createOrganisation(t.db, { kind: "school" });
    const adminB = await memberRequest("school_admin", schoolB);
    expect(
      await thrownStatus(
        requireOrganisationPermission(adminB, {
          kind: "school",
          code: schoolA.code,
          permission: "school:manage-members",
        }),
      ),
    ).toBe(403);
  });

  it("a graduate gets 403 for a school page", async () => {
    const school = await createOrganisation(t.db, { kind: "school" });
    const graduate = await memberRequest("graduate", null);
    expect(
      await thrownStatus(
        requireOrganisationPermission(graduate, { kind: "school", code: school.code, permission: "school:view" }),
      ),
    ).toBe(403);
  });

  it("an employer member gets 403 for a school page, even with the same code", async () => {
    const employer = await createOrganisation(t.db, { kind: "employer" });
    const school = await createOrganisation(t.db, { kind: "school" });
    const twin = await createOrganisation(t.db, { kind: "school", code: employer.code });
    const member = await memberRequest("employer_member", employer);

    for (const code of [school.code, twin.code]) {
      expect(
        await thrownStatus(requireOrganisationPermission(member, { kind: "school", code, permission: "school:view" })),
      ).toBe(403);
    }
    const { organisation } = await requireOrganisationPermission(member, {
      kind: "employer",
      code: employer.code,
      permission: "employer:view",
    });
    expect(organisation.id).toBe(employer.id);
  });

  it("a ministry administrator holds no school's workspace, but passes the ministry's guard", async () => {
    const school = await createOrganisation(t.db, { kind: "school" });
    const admin = await memberRequest("ministry_admin", null);
    expect(
      await thrownStatus(
        requireOrganisationPermission(admin, { kind: "school", code: school.code, permission: "school:view" }),
      ),
    ).toBe(403);
    expect((await requirePermission(admin, "organisations:accredit")).grants).toEqual([
      { role: "ministry_admin", organisationId: null },
    ]);
    const schoolAdmin = await memberRequest("school_admin", school);
    expect(await thrownStatus(requirePermission(schoolAdmin, "organisations:accredit"))).toBe(403);
    expect(await thrownStatus(requirePermission(schoolAdmin, "audit:read-all"))).toBe(403);
  });

  it("sends a visitor without a session to sign in", async () => {
    const school = await createOrganisation(t.db, { kind: "school" });
    const anonymous = new Request(`http://localhost/school/${school.code}/members`);
    const status = await thrownStatus(
      requireOrganisationPermission(anonymous, { kind: "school", code: school.code, permission: "school:view" }),
    );
    expect(status).toBe(302);
  });
});
