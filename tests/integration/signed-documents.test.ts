/**
 * Organisations' signed documents (issue 12): a certified copy or letter signed by a school verifies on its public
 * page and through the verify page's credential upload (POST /api/v1/verify), naming who signed it; one changed byte
 * does not verify; nor does a document signed after its key's compromise time; the JSON and PDF download.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signingKeys } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { signOrganisationDocument } from "~/modules/cases/sign-document.server";
import { loader as documentPage } from "~/routes/documents.$id";
import { loader as documentJson } from "~/routes/documents.$id[.]json";
import { loader as documentPdf } from "~/routes/documents.$id[.]pdf";
import { action as verifyApi } from "~/routes/api.v1.verify";
import { schoolWithSignedDiplomas } from "../support/issued";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`signed documents (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });

  async function signed(now?: Date) {
    const origin = getEnv().PUBLIC_ORIGIN;
    const school = await schoolWithSignedDiplomas(t.db, { count: 1, publicOrigin: origin });
    const doc = await signOrganisationDocument(t.db, {
      kind: "certified_copy",
      organisationId: school.org.id,
      diplomaId: school.diplomaIds[0]!,
      name: "Bản sao văn bằng từ sổ gốc",
      subject: { isCopy: true, copyNumber: 1, holderName: "Nguyễn Văn An", serial: "A-000001" },
      origin,
      actor: { userId: school.registrar.id, ip: null },
      now,
    });
    if (!doc.ok) throw new Error(doc.code);
    return { school, doc: doc.value };
  }

  async function verify(credential: unknown) {
    const request = new Request("http://localhost/api/v1/verify", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ credential }),
    });
    const answer = await callRoute(verifyApi, routeArgs(request));
    expect(answer.status).toBe(200);
    return answer.json;
  }

  it("verifies a signed document and says who signed it, on its page and on the verify page", async () => {
    const { school, doc } = await signed();
    const result = await verify(doc.credential);
    expect(result.verdict).toBe("valid");
    expect(result.document.issuerName).toBe(school.org.name);
    expect(result.document.type).toBe("CertifiedCopyCredential");
    const page = await callRoute(
      documentPage,
      routeArgs(new Request(`http://localhost/documents/${doc.id}`), { id: doc.id }),
    );
    expect(page.status).toBe(200);
    expect(page.json.verification.verdict).toBe("valid");
    expect(page.json.lines.some((l: { value: string }) => l.value === "Nguyễn Văn An")).toBe(true);

    const file = await callRoute(
      documentJson,
      routeArgs(new Request(`http://localhost/documents/${doc.id}.json`), { id: doc.id }),
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(file.json.proof.cryptosuite).toBe("eddsa-jcs-2022");
    const pdf = await callRoute(
      documentPdf,
      routeArgs(new Request(`http://localhost/documents/${doc.id}.pdf`), { id: doc.id }),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("does not verify a document with one changed byte", async () => {
    const { doc } = await signed();
    const text = JSON.stringify(doc.credential).replace("A-000001", "A-000002");
    const result = await verify(JSON.parse(text));
    expect(result.verdict).toBe("invalid_signature");
    expect(result.document.type).toBe("CertifiedCopyCredential");
  });

  it("does not verify a document signed by a key later marked compromised from before the signing", async () => {
    const signedAt = new Date(Date.now() - 60_000);
    const { school, doc } = await signed(signedAt);
    expect((await verify(doc.credential)).verdict).toBe("valid");
    await t.db
      .update(signingKeys)
      .set({ status: "compromised", compromisedFrom: new Date(signedAt.getTime() - 3_600_000) })
      .where(eq(signingKeys.organisationId, school.org.id));
    const result = await verify(doc.credential);
    expect(result.verdict).toBe("key_not_valid");
    const page = await callRoute(
      documentPage,
      routeArgs(new Request(`http://localhost/documents/${doc.id}`), { id: doc.id }),
    );
    expect(page.json.verification.verdict).toBe("key_not_valid");
  });

  it("answers 404 for an unknown or malformed document id", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const page = await callRoute(
      documentPage,
      routeArgs(new Request(`http://localhost/documents/${missing}`), { id: missing }),
    );
    expect(page.status).toBe(404);
    const file = await callRoute(
      documentJson,
      routeArgs(new Request("http://localhost/documents/nope.json"), { id: "nope" }),
    );
    expect(file.status).toBe(404);
  });
});
