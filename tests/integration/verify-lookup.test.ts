/**
 * POST /verify with intent=lookup: serial number + full name (case and diacritics ignored) → redirect to the
 * diploma's /v/{payload} verdict, for issued, revoked, suspended or superseded diplomas; anything else gets the
 * same neutral 404 answer (whether or not the serial exists); 20 lookups per hour per client address.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diplomas, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { foldVietnamese } from "~/lib/fold-vietnamese";
import { LOOKUP_RATE_LIMIT } from "~/modules/verification/lookup.server";
import * as verifyPage from "~/routes/verify";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`verify lookup by serial and name (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let ids: string[];
  const row = async (id: string) => (await t.db.select().from(diplomas).where(eq(diplomas.id, id)))[0]!;

  const lookup = (serial: string, fullName: string, ip?: string) => {
    const body = new URLSearchParams({ intent: "lookup", serial, fullName });
    const request = new Request("http://localhost/verify", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    return callRoute(verifyPage.action as never, routeArgs(request, {}, ip));
  };
  const pathOf = (qrPayload: string) => `/v/${qrPayload.slice(qrPayload.lastIndexOf("/V/") + 3)}`;

  beforeAll(async () => {
    school = await createOrganisation(t.db, { kind: "school", code: "CDLOOK", name: "Trường Cao đẳng CDLOOK" });
    expect((await ensureSchoolKey(t.db, { organisationId: school.id, actor: { userId: null, ip: null } })).ok).toBe(
      true,
    );
    const registrar = await createMember(t.db, "school_registrar", school);
    const principal = await createMember(t.db, "school_principal", school);
    const created = await createSubmittedBatch(t.db, { organisationId: school.id, createdBy: registrar.id, count: 3 });
    ids = created.diplomaIds;
    const signed = await signBatch(t.db, {
      organisationId: school.id,
      batchId: created.batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: "2026-06-15",
      publicOrigin: getEnv().PUBLIC_ORIGIN,
      actor: { userId: principal.id, ip: null },
    });
    expect(signed.ok).toBe(true);
    const actor = { userId: principal.id, ip: null };
    expect(
      (
        await changeDiplomaStatus(t.db, {
          organisationId: school.id,
          diplomaId: ids[1]!,
          change: "revoke",
          reason: "Gian lận",
          actor,
        })
      ).ok,
    ).toBe(true);
  });

  it("folds case, diacritics, đ and spaces", () => {
    expect(foldVietnamese("  Nguyễn   Văn AN ")).toBe("nguyen van an");
    expect(foldVietnamese("Đặng Thị Huệ")).toBe("dang thi hue");
  });

  it("redirects an exact serial + the holder's name (any case, no diacritics) to the verdict page", async () => {
    const d = await row(ids[0]!);
    const answer = await lookup(d.serial!, foldVietnamese(d.fullName).toUpperCase());
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(pathOf(d.qrPayload!));
    expect(answer.headers.get("location")).toMatch(/^\/v\/[A-Z2-7]+$/);
  });

  it("finds a revoked diploma too (its verdict page says revoked)", async () => {
    const d = await row(ids[1]!);
    expect(d.status).toBe("revoked");
    const answer = await lookup(` ${d.serial!} `, d.fullName);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(pathOf(d.qrPayload!));
  });

  it("accepts a serial typed in lower case (cdcnhn-000041): ASCII case does not matter", async () => {
    const d = await row(ids[0]!);
    expect(d.serial).toMatch(/[A-Z]/);
    const answer = await lookup(d.serial!.toLowerCase(), d.fullName);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(pathOf(d.qrPayload!));
    // Only ASCII letters are folded: a look-alike (the Kelvin sign, which toLowerCase turns into k) finds nothing.
    expect(d.serial).toContain("K");
    const lookalike = await lookup(d.serial!.replace(/K/g, "\u212A"), d.fullName);
    expect(lookalike.status).toBe(404);
  });

  it("answers the same neutral 404 for a wrong name, an unknown serial, or a partial serial", async () => {
    const d = await row(ids[2]!);
    const answers = await Promise.all([
      lookup(d.serial!, "Tên Khác Hẳn"),
      lookup("KHONG-TON-TAI-0001", d.fullName),
      lookup(d.serial!.slice(0, -1), d.fullName),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ form: "lookup", error: "verify.lookup.notFound" });
    }
    expect(answers[0]!.json.error).toBe(answers[1]!.json.error);
  });

  it("asks for both fields", async () => {
    const answer = await lookup("", "Nguyễn Văn An");
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: "verify.lookup.empty" });
  });

  it(`limits a client address to ${LOOKUP_RATE_LIMIT.limit} lookups an hour`, async () => {
    const d = await row(ids[0]!);
    const ip = "203.0.113.77";
    for (let i = 0; i < LOOKUP_RATE_LIMIT.limit; i++) expect((await lookup("X", "Y", ip)).status).toBe(404);
    const over = await lookup(d.serial!, d.fullName, ip);
    expect(over.status).toBe(429);
    expect(over.json).toMatchObject({ error: "verify.lookup.tooMany" });
    expect((await lookup(d.serial!, d.fullName, "203.0.113.78")).status).toBe(302); // another address is not affected
  });
});
