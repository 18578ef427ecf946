/**
 * Graduates claiming their diplomas (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the claim code from the
 * school with the personal ID number and date of birth; one generic failure whichever input is wrong; no claiming
 * a diploma someone else holds; a budget of attempts; ownership in every graduate page.
 */
import { and, eq } from "drizzle-orm";
import { testGraduateName } from "../support/diplomas";
import { describe, expect, it } from "vitest";
import { auditLog, diplomas } from "~db/schema";
import { normaliseClaimCode } from "~/modules/diplomas/claim-code";
import { claimCodeOf } from "~/modules/diplomas/claim-code.server";
import { claimDiploma, CLAIM_RATE_LIMITS } from "~/modules/diplomas/claim-diploma.server";
import * as claimPage from "~/routes/graduate.claim";
import * as graduateDiploma from "~/routes/graduate.diplomas.$diplomaId";
import * as graduateHome from "~/routes/graduate._index";
import { graduateOf, schoolWithSignedDiplomas, signedIn } from "../support/issued";
import { callRoute } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`claiming diplomas (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  const claimedBy = async (id: string) =>
    (await t.db.select({ c: diplomas.claimedBy }).from(diplomas).where(eq(diplomas.id, id)))[0]!.c;
  const claimForm = (code: string, i: number, override: Partial<{ personalId: string; dateOfBirth: string }> = {}) => ({
    claimCode: code,
    ...graduateOf(i),
    ...override,
  });

  it("claims with the right code, personal ID and date of birth; the graduate then sees it", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db);
    const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
    const id = diplomaIds[1]!;
    // Typed the way people type: lower case, no hyphen, a date as printed.
    const code = claimCodeOf(id).replace("-", "").toLowerCase();
    const { dateOfBirth } = graduateOf(1);
    const printedDate = dateOfBirth.split("-").reverse().join("/");
    const res = await callRoute(
      claimPage.action,
      graduate.post("/graduate/claim", claimForm(code, 1, { dateOfBirth: printedDate })),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/graduate/diplomas/${id}?notice=claimed`);
    expect(await claimedBy(id)).toBe(graduate.id);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "diploma.claim"), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);

    const home = await callRoute(graduateHome.loader, graduate.get("/graduate"));
    expect(home.body.diplomas.map((d: { id: string }) => d.id)).toEqual([id]);
    const page = await callRoute(graduateDiploma.loader, graduate.get(`/graduate/diplomas/${id}`, { diplomaId: id }));
    expect(page.status).toBe(200);
    expect(page.body.document.holder.fullName).toBe(testGraduateName(1));
    expect(page.text).not.toContain(graduateOf(1).personalId);

    // Claiming again is harmless.
    const again = await callRoute(claimPage.action, graduate.post("/graduate/claim", claimForm(claimCodeOf(id), 1)));
    expect(again.location).toBe(`/graduate/diplomas/${id}?notice=already`);
  });

  it("answers every wrong input with the same message, and changes nothing", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db);
    const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
    const id = diplomaIds[0]!;
    const right = claimCodeOf(id);
    const otherCode = claimCodeOf(diplomaIds[1]!);
    const attempts = [
      claimForm(otherCode, 0), // a real code, of someone else's diploma
      claimForm("ZZZZZ-ZZZZZ", 0),
      claimForm(right, 0, { personalId: "999999999999" }),
      claimForm(right, 0, { dateOfBirth: "1999-12-31" }),
      claimForm(right, 1), // another graduate's ID and date of birth
    ];
    const answers = [];
    for (const fields of attempts)
      answers.push(await callRoute(claimPage.action, graduate.post("/graduate/claim", fields)));
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.formError).toBe("issued.claim.error.no_match");
      expect(res.body.fieldErrors).toEqual({});
    }
    const rows = await t.db
      .select({ c: diplomas.claimedBy })
      .from(diplomas)
      .where(
        eq(
          diplomas.organisationId,
          (await t.db.select({ o: diplomas.organisationId }).from(diplomas).where(eq(diplomas.id, id)))[0]!.o,
        ),
      );
    expect(rows.every((r) => r.c === null)).toBe(true);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "diploma.claim"))).toHaveLength(0);

    // A malformed input is a field error (it says nothing about the diploma), not an attempt at one.
    const malformed = await callRoute(
      claimPage.action,
      graduate.post("/graduate/claim", claimForm("ABC", 0, { personalId: "12345" })),
    );
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.fieldErrors).sort()).toEqual(["claimCode", "personalId"]);
  });

  it("refuses a diploma already claimed by another graduate", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db);
    const first = await signedIn(t.db, { role: "graduate", organisation: null });
    const second = await signedIn(t.db, { role: "graduate", organisation: null });
    const id = diplomaIds[2]!;
    expect(
      (await callRoute(claimPage.action, first.post("/graduate/claim", claimForm(claimCodeOf(id), 2)))).status,
    ).toBe(302);
    const res = await callRoute(claimPage.action, second.post("/graduate/claim", claimForm(claimCodeOf(id), 2)));
    expect(res.status).toBe(409);
    expect(res.body.formError).toBe("issued.claim.error.claimed_by_other");
    expect(await claimedBy(id)).toBe(first.id);
  });

  it("stops after the allowed number of attempts per account, even with the right details", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db, { count: 1 });
    const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
    const id = diplomaIds[0]!;
    for (let i = 0; i < CLAIM_RATE_LIMITS.perUser.limit; i++) {
      const res = await callRoute(
        claimPage.action,
        graduate.post("/graduate/claim", claimForm(claimCodeOf(id), 0, { personalId: String(100000000000 + i + 1) })),
      );
      expect(res.status).toBe(400);
    }
    const blocked = await callRoute(claimPage.action, graduate.post("/graduate/claim", claimForm(claimCodeOf(id), 0)));
    expect(blocked.status).toBe(429);
    expect(blocked.body.formError).toBe("issued.claim.error.rate_limited");
    expect(await claimedBy(id)).toBeNull();

    // Another account is not blocked by this one's attempts.
    const other = await signedIn(t.db, { role: "graduate", organisation: null }, "198.51.100.99");
    expect(
      (await callRoute(claimPage.action, other.post("/graduate/claim", claimForm(claimCodeOf(id), 0)))).status,
    ).toBe(302);
  });

  it("stops after the allowed number of attempts per address, across accounts", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db, { count: 1 });
    const id = diplomaIds[0]!;
    const ip = "192.0.2.44";
    const wrong = {
      claimCode: normaliseClaimCode(claimCodeOf(id))!,
      personalId: "999999999999",
      dateOfBirth: graduateOf(0).dateOfBirth,
    };
    let attempts = 0;
    while (attempts < CLAIM_RATE_LIMITS.perIp.limit) {
      const user = await signedIn(t.db, { role: "graduate", organisation: null });
      for (
        let i = 0;
        i < CLAIM_RATE_LIMITS.perUser.limit && attempts < CLAIM_RATE_LIMITS.perIp.limit;
        i++, attempts++
      ) {
        const result = await claimDiploma(t.db, { input: wrong, actor: { userId: user.id, ip } });
        expect(result).toMatchObject({ ok: false, code: "no_match" });
      }
    }
    const fresh = await signedIn(t.db, { role: "graduate", organisation: null });
    const right = { ...wrong, personalId: graduateOf(0).personalId };
    expect(await claimDiploma(t.db, { input: right, actor: { userId: fresh.id, ip } })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
    expect(await claimDiploma(t.db, { input: right, actor: { userId: fresh.id, ip: "192.0.2.45" } })).toMatchObject({
      ok: true,
    });
  });

  it("shows a graduate only their own diplomas: another graduate gets 404", async () => {
    const { diplomaIds } = await schoolWithSignedDiplomas(t.db, { count: 1 });
    const owner = await signedIn(t.db, { role: "graduate", organisation: null });
    const stranger = await signedIn(t.db, { role: "graduate", organisation: null });
    const id = diplomaIds[0]!;
    await callRoute(claimPage.action, owner.post("/graduate/claim", claimForm(claimCodeOf(id), 0)));
    expect(
      (await callRoute(graduateDiploma.loader, owner.get(`/graduate/diplomas/${id}`, { diplomaId: id }))).status,
    ).toBe(200);
    expect(
      (await callRoute(graduateDiploma.loader, stranger.get(`/graduate/diplomas/${id}`, { diplomaId: id }))).status,
    ).toBe(404);
    expect((await callRoute(graduateHome.loader, stranger.get("/graduate"))).body.diplomas).toEqual([]);
    // School staff are not graduates: the graduate pages are closed to them.
    const registrar = await signedIn(t.db, {
      role: "school_registrar",
      organisation: (await t.db.select({ id: diplomas.organisationId }).from(diplomas).where(eq(diplomas.id, id)))[0]!,
    });
    expect(
      (await callRoute(graduateDiploma.loader, registrar.get(`/graduate/diplomas/${id}`, { diplomaId: id }))).status,
    ).toBe(403);
    expect(
      (await callRoute(claimPage.action, registrar.post("/graduate/claim", claimForm(claimCodeOf(id), 0)))).status,
    ).toBe(403);
  });
});
