import { describe, expect, it } from "vitest";
import { navigationFor } from "~/modules/auth/navigation";
import { hasPermission, PERMISSIONS } from "~/lib/permissions";

const SCHOOL_A = "00000000-0000-4000-8000-00000000000a";
const SCHOOL_B = "00000000-0000-4000-8000-00000000000b";

describe("permissions", () => {
  it("scopes school roles to their own school", () => {
    const registrarOfA = [{ role: "school_registrar" as const, organisationId: SCHOOL_A }];
    expect(hasPermission(registrarOfA, "diplomas:draft", SCHOOL_A)).toBe(true);
    expect(hasPermission(registrarOfA, "diplomas:draft", SCHOOL_B)).toBe(false);
    expect(hasPermission(registrarOfA, "diplomas:draft")).toBe(false);
  });

  it("keeps the two-person rule: a registrar cannot sign, a principal cannot draft", () => {
    expect(hasPermission([{ role: "school_registrar", organisationId: SCHOOL_A }], "diplomas:sign", SCHOOL_A)).toBe(
      false,
    );
    expect(hasPermission([{ role: "school_principal", organisationId: SCHOOL_A }], "diplomas:draft", SCHOOL_A)).toBe(
      false,
    );
  });

  it("gives ministry powers only to the ministry administrator", () => {
    for (const role of [
      "school_admin",
      "school_registrar",
      "school_principal",
      "employer_member",
      "graduate",
    ] as const) {
      const grants = [{ role, organisationId: role === "graduate" ? null : SCHOOL_A }];
      expect(hasPermission(grants, "organisations:accredit", SCHOOL_A)).toBe(false);
      expect(hasPermission(grants, "reference:edit")).toBe(false);
    }
    expect(hasPermission([{ role: "ministry_admin", organisationId: null }], "organisations:accredit")).toBe(true);
  });

  it("does not let a ministry administrator act inside a school by default", () => {
    expect(hasPermission([{ role: "ministry_admin", organisationId: null }], "diplomas:sign", SCHOOL_A)).toBe(false);
  });

  it("names only known roles", () => {
    const known = new Set([
      "ministry_admin",
      "school_admin",
      "school_registrar",
      "school_principal",
      "employer_member",
      "graduate",
    ]);
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(known.has(r)).toBe(true);
  });
});

describe("navigation by role", () => {
  const orgs = [
    { id: SCHOOL_A, kind: "school" as const, code: "CDA", name: "Trường A" },
    { id: SCHOOL_B, kind: "employer" as const, code: "0101234567", name: "Công ty B" },
  ];

  it("shows a school member their school and nothing else", () => {
    const items = navigationFor([{ role: "school_registrar", organisationId: SCHOOL_A }], orgs);
    expect(items.map((i) => i.href)).toEqual(["/school/CDA", "/school/CDA/cases", "/my/cases"]);
  });

  it("shows everything a multi-role user holds", () => {
    const items = navigationFor(
      [
        { role: "ministry_admin", organisationId: null },
        { role: "employer_member", organisationId: SCHOOL_B },
        { role: "graduate", organisationId: null },
      ],
      orgs,
    );
    expect(items.map((i) => i.href)).toEqual([
      "/admin",
      "/employer/0101234567",
      "/graduate",
      "/services",
      "/admin/cases",
      "/my/cases",
    ]);
  });
});
