/**
 * Signs a document of an organisation: a case's final reply or result, a confirmation letter, a certified copy. The
 * document is a W3C verifiable credential (VC Data Model 2.0) issued by the school's did:web DID, or the ministry's
 * when the organisation is null, secured with an eddsa-jcs-2022 proof under that issuer's active key, and kept in
 * signed_documents, public at /documents/{id}. Written in the caller's transaction with its audit row.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { organisations, signedDocuments, type SignedDocumentKind } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { createJcsProof, type Secured } from "~/modules/credentials/eddsa-jcs-2022";
import { issuerDid, ministryDid, verificationMethodId, xsdDateTime } from "~/modules/keys/did-web";
import { loadSigningKey, type LoadSigningKeyError } from "~/modules/keys/load-signing-key.server";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

/** The credential types of the signed documents. */
export const SIGNED_DOCUMENT_TYPES = {
  case_reply: "CaseReplyCredential",
  case_result: "CaseResultCredential",
  confirmation_letter: "DiplomaConfirmationCredential",
  certified_copy: "CertifiedCopyCredential",
  statistics_report: "CaseStatisticsReportCredential",
} as const satisfies Record<SignedDocumentKind, string>;

export interface SignOrganisationDocumentOptions {
  kind: SignedDocumentKind;
  /** The signing school; null = the ministry. */
  organisationId: string | null;
  caseId?: string | null;
  diplomaId?: string | null;
  /** The document's title, as printed. */
  name: string;
  /** What the document says (credentialSubject): no more personal data than the document itself must carry. */
  subject: Record<string, unknown>;
  origin: string;
  actor: AuditActor;
  now?: Date;
}

export type SignedOrganisationDocument = Secured<Record<string, unknown>>;

export type SignDocumentError = LoadSigningKeyError | "organisation_not_found";

export async function signOrganisationDocument(
  tx: Executor,
  options: SignOrganisationDocumentOptions,
): Promise<Result<{ id: string; credential: SignedOrganisationDocument }, SignDocumentError>> {
  const now = options.now ?? new Date();
  let issuer: { id: string; name: string };
  if (options.organisationId) {
    const [org] = await tx
      .select({ code: organisations.code, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, options.organisationId))
      .limit(1);
    if (!org) return fail("organisation_not_found");
    issuer = { id: issuerDid(options.origin, org.code), name: org.name };
  } else {
    issuer = { id: ministryDid(options.origin), name: "Bộ Giáo dục và Đào tạo" };
  }
  const loaded = await loadSigningKey(tx, { organisationId: options.organisationId });
  if (!loaded.ok) return fail(loaded.code);
  const id = randomUUID();
  let credential: SignedOrganisationDocument;
  try {
    credential = createJcsProof(
      {
        "@context": [VC_V2_CONTEXT],
        id: `${options.origin}/documents/${id}`,
        type: ["VerifiableCredential", SIGNED_DOCUMENT_TYPES[options.kind]],
        issuer,
        name: options.name,
        validFrom: xsdDateTime(now),
        credentialSubject: options.subject,
      },
      {
        verificationMethod: verificationMethodId(issuer.id, loaded.key.keyRef),
        created: xsdDateTime(now),
        privateKey: loaded.key.privateKey,
      },
    );
  } finally {
    loaded.key.privateKey.fill(0);
  }
  await tx.insert(signedDocuments).values({
    id,
    kind: options.kind,
    organisationId: options.organisationId,
    keyId: loaded.key.id,
    caseId: options.caseId ?? null,
    diplomaId: options.diplomaId ?? null,
    credential,
    signedBy: options.actor.userId,
    signedAt: now,
  });
  await recordAudit(tx, options.actor, {
    action: "document.sign",
    entityType: "signed_document",
    entityId: id,
    organisationId: options.organisationId,
    details: { kind: options.kind, keyRef: loaded.key.keyRef },
  });
  return ok({ id, credential });
}
