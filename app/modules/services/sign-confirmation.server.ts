/**
 * The school answers a confirmation request with a signed letter about the diploma (DiplomaConfirmationCredential),
 * addressed to the agency or employer the graduate named, in the language asked for; the case is resolved with it
 * (outcome delivered_electronic). One transaction.
 */
import { eq } from "drizzle-orm";
import { organisations } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { isOpen, type CaseActorRole } from "~/modules/cases/case-transitions";
import { moveCase, type MoveCaseError } from "~/modules/cases/move-case.server";
import { lockCaseInScope, type CaseScope } from "~/modules/cases/queries.server";
import { signOrganisationDocument, type SignDocumentError } from "~/modules/cases/sign-document.server";
import { inTransaction, Rollback } from "./in-transaction.server";
import { findSchoolDiploma } from "./queries.server";
import { confirmationSubject } from "./service-documents";

export interface SignConfirmationOptions {
  caseId: string;
  scope: CaseScope;
  actor: { userId: string; ip: string | null; role: CaseActorRole };
  origin: string;
  now?: Date;
}

export type SignConfirmationError = MoveCaseError | SignDocumentError | "no_diploma" | "diploma_not_standing";

export async function signConfirmationLetter(db: Executor, options: SignConfirmationOptions) {
  const now = options.now ?? new Date();
  return inTransaction<{ documentId: string }, SignConfirmationError>(db, async (tx) => {
    const kase = await lockCaseInScope(tx, options.caseId, options.scope);
    if (!kase || kase.kind !== "confirmation" || !kase.organisationId) throw new Rollback("not_found");
    if (!isOpen(kase.status)) throw new Rollback("not_allowed_now");
    if (!kase.diplomaId) throw new Rollback("no_diploma");
    const diploma = await findSchoolDiploma(tx, { organisationId: kase.organisationId, diplomaId: kase.diplomaId });
    if (!diploma) throw new Rollback("no_diploma");
    if (diploma.status !== "issued") throw new Rollback("diploma_not_standing");
    const [school] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, kase.organisationId));
    const details = kase.details as {
      agency?: { name?: string; country?: string };
      purpose?: string;
      language?: string;
    };
    const language = details.language === "en" ? "en" : "vi";
    const signed = await signOrganisationDocument(tx, {
      kind: "confirmation_letter",
      organisationId: kase.organisationId,
      caseId: kase.id,
      diplomaId: diploma.id,
      name: language === "en" ? "Letter confirming a diploma" : "Văn bản xác nhận văn bằng",
      subject: confirmationSubject({
        diploma,
        schoolName: school?.name ?? "",
        caseCode: kase.code,
        agency: { name: details.agency?.name ?? "", country: details.agency?.country ?? "" },
        purpose: details.purpose ?? "",
        language,
      }),
      origin: options.origin,
      actor: options.actor,
      now,
    });
    if (!signed.ok) throw new Rollback(signed.code);
    const moved = await moveCase(tx, {
      caseId: kase.id,
      action: "resolve",
      actor: options.actor,
      scope: options.scope,
      outcome: "delivered_electronic",
      note: "Đã ký số văn bản xác nhận văn bằng.",
      resultDocumentId: signed.value.id,
      origin: options.origin,
      now,
    });
    if (!moved.ok) throw new Rollback(moved.code);
    return { documentId: signed.value.id };
  });
}
