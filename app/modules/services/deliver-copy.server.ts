/**
 * The school delivers a certified copy from the original register (bản sao từ sổ gốc), in one transaction:
 * - electronic: a CertifiedCopyCredential of the diploma, marked as a copy and pointing at the diploma's credential,
 *   signed with the school's key (public at /documents/{id}); an entry in the copy register; the case resolved with
 *   outcome delivered_electronic and the document;
 * - by post: the address and the tracking number in the copy register; the case resolved with delivered_post.
 * The copy register's number restarts each year per school and is drawn under the school's row lock.
 */
import type { Executor } from "~/lib/db.server";
import { isOpen, type CaseActorRole } from "~/modules/cases/case-transitions";
import { moveCase, type MoveCaseError } from "~/modules/cases/move-case.server";
import { lockCaseInScope, type CaseScope } from "~/modules/cases/queries.server";
import { signOrganisationDocument, type SignDocumentError } from "~/modules/cases/sign-document.server";
import { vnDayOf } from "~/modules/cases/working-days";
import { inTransaction, Rollback } from "./in-transaction.server";
import { findSchoolDiploma, insertCopyEntry, nextCopyEntryNumber } from "./queries.server";
import { certifiedCopySubject } from "./service-documents";

export interface DeliverCopyOptions {
  caseId: string;
  scope: CaseScope;
  actor: { userId: string; ip: string | null; role: CaseActorRole };
  delivery: "electronic" | "post";
  /** By post: the tracking number (required) and the address (the request's when not given). */
  trackingNumber?: string;
  postalAddress?: string;
  origin: string;
  now?: Date;
}

export type DeliverCopyError =
  MoveCaseError | SignDocumentError | "no_diploma" | "diploma_not_standing" | "tracking_required" | "address_required";

export async function deliverCertifiedCopy(db: Executor, options: DeliverCopyOptions) {
  const now = options.now ?? new Date();
  return inTransaction<{ documentId: string | null; entryNumber: number; year: number }, DeliverCopyError>(
    db,
    async (tx) => {
      const kase = await lockCaseInScope(tx, options.caseId, options.scope);
      if (!kase || kase.kind !== "certified_copy" || !kase.organisationId) throw new Rollback("not_found");
      if (!isOpen(kase.status)) throw new Rollback("not_allowed_now");
      if (!kase.diplomaId) throw new Rollback("no_diploma");
      const diploma = await findSchoolDiploma(tx, { organisationId: kase.organisationId, diplomaId: kase.diplomaId });
      if (!diploma) throw new Rollback("no_diploma");
      if (diploma.status !== "issued") throw new Rollback("diploma_not_standing");
      const details = kase.details as { copies?: number; postalAddress?: string | null };
      const trackingNumber = options.trackingNumber?.trim() ?? "";
      const postalAddress = (options.postalAddress?.trim() || details.postalAddress || "").trim();
      if (options.delivery === "post" && !trackingNumber) throw new Rollback("tracking_required");
      if (options.delivery === "post" && postalAddress.length < 10) throw new Rollback("address_required");

      const year = Number(vnDayOf(now).slice(0, 4));
      const entryNumber = await nextCopyEntryNumber(tx, { organisationId: kase.organisationId, year });
      const copies = Math.min(10, Math.max(1, Number(details.copies) || 1));
      let documentId: string | null = null;
      if (options.delivery === "electronic") {
        const signed = await signOrganisationDocument(tx, {
          kind: "certified_copy",
          organisationId: kase.organisationId,
          caseId: kase.id,
          diplomaId: diploma.id,
          name: "Bản sao văn bằng từ sổ gốc",
          subject: certifiedCopySubject({ diploma, caseCode: kase.code, copyNumber: entryNumber, year, copies }),
          origin: options.origin,
          actor: options.actor,
          now,
        });
        if (!signed.ok) throw new Rollback(signed.code);
        documentId = signed.value.id;
      }
      await insertCopyEntry(tx, {
        organisationId: kase.organisationId,
        year,
        entryNumber,
        diplomaId: diploma.id,
        caseId: kase.id,
        copies,
        delivery: options.delivery,
        recipientName: kase.submitterName ?? diploma.fullName,
        postalAddress: options.delivery === "post" ? postalAddress : null,
        trackingNumber: options.delivery === "post" ? trackingNumber : null,
        documentId,
        issuedBy: options.actor.userId,
        issuedAt: now,
      });
      // Audited by the resolve (case.move, with the register number in its event) and, electronic, document.sign.
      const moved = await moveCase(tx, {
        caseId: kase.id,
        action: "resolve",
        actor: options.actor,
        scope: options.scope,
        outcome: options.delivery === "electronic" ? "delivered_electronic" : "delivered_post",
        note:
          options.delivery === "electronic"
            ? `Đã cấp bản sao điện tử có chữ ký số, số vào sổ cấp bản sao ${entryNumber}/${year}.`
            : `Đã gửi bản sao qua bưu điện, số vào sổ cấp bản sao ${entryNumber}/${year}.`,
        resultDocumentId: documentId,
        detailsPatch: {
          copyRegister: { year, entryNumber },
          ...(options.delivery === "post" ? { trackingNumber, postalAddress } : {}),
        },
        data: { copyRegister: `${entryNumber}/${year}`, ...(trackingNumber ? { trackingNumber } : {}) },
        origin: options.origin,
        now,
      });
      if (!moved.ok) throw new Rollback(moved.code);
      return { documentId, entryNumber, year };
    },
  );
}
