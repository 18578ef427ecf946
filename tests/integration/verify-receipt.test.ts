/**
 * The verification receipt (GET /v/{payload}/receipt.json and .pdf): what the server verified at that moment — the
 * verdict, the time in Vietnam time, the serial, the issuer and each check — for anyone, no account, under the
 * public rate limit. The PDF is read back with pdftotext.
 */
import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diplomas, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { receiptChecks } from "~/modules/verification/receipt";
import * as receiptJson from "~/routes/v_.$payload.receipt[.]json";
import * as receiptPdf from "~/routes/v_.$payload.receipt[.]pdf";
import { schoolWithSignedDiplomas } from "../support/issued";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const payloadOf = (qrPayload: string) => qrPayload.slice(qrPayload.lastIndexOf("/V/") + 3);

function pdfText(bytes: Uint8Array): string {
  const out = spawnSync("pdftotext", ["-layout", "-", "-"], { input: Buffer.from(bytes), encoding: "utf8" });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

describe(`verification receipt (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let ids: string[];
  const row = async (id: string) => (await t.db.select().from(diplomas).where(eq(diplomas.id, id)))[0]!;
  const get = (route: typeof receiptJson | typeof receiptPdf, payload: string, ip?: string) =>
    callRoute(route.loader as never, routeArgs(new Request(`http://localhost/v/${payload}/receipt`), { payload }, ip));

  beforeAll(async () => {
    const signed = await schoolWithSignedDiplomas(t.db, {
      code: "CDRCPT",
      name: "Trường Cao đẳng Biên Nhận",
      count: 2,
      publicOrigin: getEnv().PUBLIC_ORIGIN,
    });
    school = signed.org;
    ids = signed.diplomaIds;
    const actor = { userId: signed.principal.id, ip: null };
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

  it("JSON: the verdict, the time in Vietnam time, the serial, the issuer and every check passed for a valid diploma", async () => {
    const d = await row(ids[0]!);
    const answer = await get(receiptJson, payloadOf(d.qrPayload!));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toContain("no-store");
    expect(answer.headers.get("content-disposition")).toContain(`bien-nhan-xac-thuc-${d.serial}.json`);
    const r = answer.json;
    expect(r).toMatchObject({
      type: "VerificationReceipt",
      verdict: "valid",
      serial: d.serial,
      holderName: d.fullName,
    });
    expect(r.verdictText.vi).toBe("Văn bằng hợp lệ");
    expect(r.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(r.issuer).toMatchObject({ code: "CDRCPT", name: "Trường Cao đẳng Biên Nhận", accredited: true });
    expect(r.checks.map((c: { check: string; outcome: string }) => [c.check, c.outcome])).toEqual([
      ["issuer_accreditation", "passed"],
      ["signature", "passed"],
      ["key_validity", "passed"],
      ["status", "passed"],
    ]);
    expect(r.verifyUrl).toBe(`${getEnv().PUBLIC_ORIGIN}/V/${payloadOf(d.qrPayload!)}`);
  });

  it("JSON: a revoked diploma's receipt says revoked, its status check failed", async () => {
    const d = await row(ids[1]!);
    const r = (await get(receiptJson, payloadOf(d.qrPayload!))).json;
    expect(r.verdict).toBe("revoked");
    expect(r.checks.find((c: { check: string }) => c.check === "status").outcome).toBe("failed");
  });

  it("JSON: a tampered QR code never gets a passed signature", async () => {
    const d = await row(ids[0]!);
    const payload = payloadOf(d.qrPayload!);
    const i = 20;
    const tampered = payload.slice(0, i) + (payload[i] === "A" ? "B" : "A") + payload.slice(i + 1);
    const r = (await get(receiptJson, tampered)).json;
    expect(r.verdict).not.toBe("valid");
    expect(r.checks.find((c: { check: string }) => c.check === "signature").outcome).not.toBe("passed");
    expect(receiptChecks({ verdict: "malformed", issuer: null, reasons: [] }).signature).toBe("not_checked");
  });

  it("PDF: a one-page receipt whose text names the verdict, the serial, the school, the Vietnam time and the checks", async () => {
    const d = await row(ids[0]!);
    const answer = await get(receiptPdf, payloadOf(d.qrPayload!));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toContain(`bien-nhan-xac-thuc-${d.serial}.pdf`);
    const text = pdfText(answer.bytes);
    expect(text).toContain("BIÊN NHẬN XÁC THỰC VĂN BẰNG");
    expect(text).toContain("Văn bằng hợp lệ");
    expect(text).toContain(d.serial!);
    expect(text).toContain("Trường Cao đẳng Biên Nhận (CDRCPT)");
    expect(text).toMatch(/giờ Việt Nam/);
    expect(text).toMatch(/\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(text).toMatch(/Chữ ký số của nhà trường: Đạt/);
    expect(text).toMatch(/Tình trạng \(thu hồi, đình chỉ, thay thế\): Đạt/);
  });

  it("PDF: a revoked diploma's receipt says so", async () => {
    const d = await row(ids[1]!);
    const text = pdfText((await get(receiptPdf, payloadOf(d.qrPayload!))).bytes);
    expect(text).toContain("Văn bằng đã bị thu hồi");
    expect(text).toMatch(/Tình trạng \(thu hồi, đình chỉ, thay thế\): Không đạt/);
  });

  it("is rate-limited like the verify page (429 once the client's burst is spent)", async () => {
    const d = await row(ids[0]!);
    const ip = "203.0.113.90";
    let last = await get(receiptJson, payloadOf(d.qrPayload!), ip);
    let calls = 1;
    while (last.status !== 429 && calls < 300) {
      last = await get(receiptJson, payloadOf(d.qrPayload!), ip);
      calls++;
    }
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
