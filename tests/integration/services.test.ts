/**
 * The online services' request forms (issue 12): a signed-in graduate asks for a certified copy of their own diploma
 * (the case goes to the school that issued it, with its attachments); bad input gets a clear answer and writes
 * nothing: anonymous → sign-in, a representative without the letter of authorisation, a file that is not PDF/PNG/JPEG
 * (415), someone else's diploma (refused like a missing one), a relative asking for a correction.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAttachments, cases, diplomas } from "~db/schema";
import { action, loader } from "~/routes/services.$kind";
import { loader as indexLoader } from "~/routes/services._index";
import { schoolWithSignedDiplomas } from "../support/issued";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { createSession } from "~/lib/session.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const PDF = new TextEncoder().encode("%PDF-1.4\n% test\n");
const EXE = new TextEncoder().encode("MZ\x90\x00 not a pdf");

describe(`online service requests (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Awaited<ReturnType<typeof schoolWithSignedDiplomas>>;
  let graduate: { id: string; email: string };
  let cookie: string;
  let otherCookie: string;
  let ownDiplomaId: string;
  let foreignDiplomaId: string;

  beforeAll(async () => {
    school = await schoolWithSignedDiplomas(t.db, { count: 2 });
    graduate = await createMember(t.db, "graduate", null);
    const other = await createMember(t.db, "graduate", null);
    [ownDiplomaId, foreignDiplomaId] = school.diplomaIds as [string, string];
    await t.db.update(diplomas).set({ claimedBy: graduate.id }).where(eq(diplomas.id, ownDiplomaId));
    await t.db.update(diplomas).set({ claimedBy: other.id }).where(eq(diplomas.id, foreignDiplomaId));
    cookie = (await createSession(t.db, { userId: graduate.id, ip: null, userAgent: "vitest" })).setCookie.split(
      ";",
    )[0]!;
    otherCookie = (await createSession(t.db, { userId: other.id, ip: null, userAgent: "vitest" })).setCookie.split(
      ";",
    )[0]!;
  });

  function post(
    slug: string,
    fields: Record<string, string>,
    files: Record<string, Uint8Array<ArrayBuffer>> = {},
    who = cookie,
  ) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const [k, bytes] of Object.entries(files)) body.append(k, new File([new Uint8Array(bytes)], `${k}.pdf`));
    const request = new Request(`http://localhost/services/${slug}`, {
      method: "POST",
      headers: { cookie: who },
      body,
    });
    return callRoute(action, routeArgs(request, { kind: slug }));
  }

  const contact = { name: "Nguyễn Văn An", email: "an@example.vn" };
  const countCases = async () => (await t.db.select({ id: cases.id }).from(cases)).length;

  it("sends an anonymous visitor to sign in, from the index and the forms", async () => {
    const anon = await callRoute(
      loader,
      routeArgs(new Request("http://localhost/services/certified-copy"), { kind: "certified-copy" }),
    );
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/sign-in\?redirectTo=%2Fservices%2Fcertified-copy/);
    const index = await callRoute(indexLoader, routeArgs(new Request("http://localhost/services")));
    expect(index.status).toBe(302);
    const unknown = await callRoute(
      loader,
      routeArgs(new Request("http://localhost/services/nope", { headers: { cookie } }), { kind: "nope" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("shows the fee (free when 0) and offers the graduate's own diplomas, pre-filled", async () => {
    const page = await callRoute(
      loader,
      routeArgs(new Request("http://localhost/services/certified-copy", { headers: { cookie } }), {
        kind: "certified-copy",
      }),
    );
    expect(page.status).toBe(200);
    expect(page.json.feeVnd).toBe(0);
    expect(page.json.diplomas.map((d: { id: string }) => d.id)).toEqual([ownDiplomaId]);
    expect(page.json.prefill.email).toBe(graduate.email);
  });

  it("opens a certified copy request at the diploma's school, with its receipt, and shows the case code", async () => {
    const answer = await post(
      "certified-copy",
      { capacity: "self", diplomaId: ownDiplomaId, copies: "2", delivery: "electronic", ...contact },
      { receipt: PDF },
    );
    expect(answer.status).toBe(302);
    const code = decodeURIComponent(answer.location!.split("sent=")[1]!);
    const [kase] = await t.db.select().from(cases).where(eq(cases.code, code));
    expect(kase!.organisationId).toBe(school.org.id);
    expect(kase!.diplomaId).toBe(ownDiplomaId);
    expect(kase!.details).toMatchObject({ copies: 2, delivery: "electronic", payment: { status: "receipt_uploaded" } });
    const files = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, kase!.id));
    expect(files.map((f) => f.purpose)).toEqual(["receipt"]);
  });

  it("refuses someone else's diploma like a missing one, writing nothing", async () => {
    const before = await countCases();
    const foreign = await post("certified-copy", {
      capacity: "self",
      diplomaId: foreignDiplomaId,
      copies: "1",
      delivery: "electronic",
      ...contact,
    });
    const missing = await post("certified-copy", {
      capacity: "self",
      diplomaId: "00000000-0000-4000-8000-000000000000",
      copies: "1",
      delivery: "electronic",
      ...contact,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.formError).toBe("services.form.error.diplomaNotYours");
    expect(missing.status).toBe(foreign.status);
    expect(missing.json.formError).toBe(foreign.json.formError);
    expect(await countCases()).toBe(before);
  });

  it("requires a representative's letter of authorisation and refuses a file that is not PDF, PNG or JPEG", async () => {
    const before = await countCases();
    const other = {
      capacity: "representative",
      schoolCode: school.org.code,
      serial: "KHONG-CO",
      holderName: "Trần Thị Bình",
      holderDateOfBirth: "2001-02-03",
      copies: "1",
      delivery: "electronic",
      ...contact,
    };
    const noLetter = await post("certified-copy", other);
    expect(noLetter.status).toBe(400);
    expect(noLetter.json.formError).toBe("services.form.error.authorisationRequired");
    const wrongType = await post("certified-copy", other, { authorisation: EXE });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.formError).toBe("cases.error.attachment_type");
    expect(await countCases()).toBe(before);
    // With the letter, the request opens whether or not the register holds that diploma (the school checks it).
    const sent = await post("certified-copy", other, { authorisation: PDF });
    expect(sent.status).toBe(302);
    expect(await countCases()).toBe(before + 1);
  });

  it("takes a correction only from the holder or a representative, and only with evidence", async () => {
    const relative = await post("correction", {
      capacity: "relative",
      schoolCode: school.org.code,
      serial: "X",
      holderName: "A",
      holderDateOfBirth: "2000-01-01",
      correctValue: "Nguyễn Văn Án",
      ...contact,
    });
    expect(relative.status).toBe(400);
    const noEvidence = await post("correction", {
      capacity: "self",
      diplomaId: ownDiplomaId,
      fields: "fullName",
      correctValue: "Nguyễn Văn Án",
      ...contact,
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.json.formError).toBe("services.form.error.evidenceRequired");
  });

  it("asks for a postal address when the copy goes by post", async () => {
    const answer = await post(
      "certified-copy",
      { capacity: "self", diplomaId: ownDiplomaId, copies: "1", delivery: "post", ...contact },
      {},
      otherCookie,
    );
    expect(answer.status).toBe(400);
    expect(answer.json.fieldErrors.postalAddress).toBe("services.form.error.postalAddress");
  });
});
