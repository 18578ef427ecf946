/**
 * A signed-in person asks for an online diploma service: a certified copy, a correction, a confirmation letter. The
 * diploma is one of their own (claimed), or, for a representative, relative or heir, the serial + holder's name +
 * date of birth at a school, matched in the register without saying whether it matched: the case opens either way
 * and the school checks it. The case, its attachments (letter of authorisation, evidence, payment receipt) and its
 * audit row are written in one transaction; a bad file writes nothing.
 */
import type { Case } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { checkAttachments, type AttachmentProblem, type AttachmentPurpose } from "~/modules/cases/attachment-rules";
import { saveAttachments } from "~/modules/cases/attachments.server";
import { openCase, type OpenCaseError } from "~/modules/cases/open-case.server";
import { findOwnDiploma, findRegisterEntry, findServiceSchool } from "./queries.server";
import { capacityAllowed, type ServiceInput } from "./schema";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface RequestServiceOptions {
  input: ServiceInput;
  files: Partial<Record<"authorisation" | "evidence" | "receipt", UploadedFile[]>>;
  user: { id: string };
  actor: AuditActor;
  origin: string;
  now?: Date;
}

export type RequestServiceError =
  | OpenCaseError
  | AttachmentProblem
  /** The diploma chosen is not one of the user's own (someone else's answers like a missing one). */
  | "diploma_not_yours"
  | "school_unknown"
  | "capacity_not_allowed"
  | "authorisation_required"
  | "evidence_required";

/** Thrown inside the transaction to roll it back with a failure (a bad file found while writing). */
class Rollback extends Error {
  constructor(readonly failure: { code: RequestServiceError; fileName?: string }) {
    super(failure.code);
  }
}

/** Same words, same case, same spacing: how a typed name is compared with the register's. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

const TITLES: Record<ServiceInput["kind"], string> = {
  certified_copy: "Cấp bản sao văn bằng từ sổ gốc",
  correction: "Chỉnh sửa nội dung văn bằng",
  confirmation: "Xác nhận văn bằng",
};

export async function requestService(
  db: Database,
  options: RequestServiceOptions,
): Promise<Result<Case, RequestServiceError> & { fileName?: string }> {
  const { input, files } = options;
  if (!capacityAllowed(input.kind, input.capacity)) return fail("capacity_not_allowed");
  if (input.capacity === "representative" && !files.authorisation?.length) return fail("authorisation_required");
  const needsEvidence = input.kind === "correction" || input.capacity === "relative" || input.capacity === "heir";
  if (needsEvidence && !files.evidence?.length) return fail("evidence_required");
  // Every file is checked before anything is written (the same check runs again as they are saved).
  const all = [...(files.authorisation ?? []), ...(files.evidence ?? []), ...(files.receipt ?? [])];
  const checked = checkAttachments(all, 0);
  if (!checked.ok) return { ...fail(checked.code), fileName: checked.fileName };

  let organisationId: string;
  let diplomaId: string | null;
  let serial: string;
  if (input.capacity === "self") {
    const own = await findOwnDiploma(db, { userId: options.user.id, diplomaId: input.diplomaId.toLowerCase() });
    if (!own) return fail("diploma_not_yours");
    organisationId = own.organisationId;
    diplomaId = own.id;
    serial = own.serial ?? "";
  } else {
    const school = await findServiceSchool(db, input.schoolCode);
    if (!school) return fail("school_unknown");
    organisationId = school.id;
    serial = input.serial;
    const entry = await findRegisterEntry(db, { organisationId, serial: input.serial });
    // Matched only when all three agree; the answer is the same either way (the school checks the request).
    diplomaId =
      entry && sameName(entry.fullName, input.holderName) && entry.dateOfBirth === input.holderDateOfBirth
        ? entry.id
        : null;
  }

  const details: Record<string, unknown> = {
    capacity: input.capacity,
    payment: { status: files.receipt?.length ? "receipt_uploaded" : "not_recorded" },
  };
  if (input.capacity !== "self")
    details.claimedDiploma = {
      schoolCode: input.schoolCode,
      serial: input.serial,
      holderName: input.holderName,
      holderDateOfBirth: input.holderDateOfBirth,
    };
  let body = input.note;
  switch (input.kind) {
    case "certified_copy":
      Object.assign(details, {
        copies: input.copies,
        delivery: input.delivery,
        postalAddress: input.delivery === "post" ? input.postalAddress : null,
      });
      body ||= `Xin cấp ${input.copies} bản sao văn bằng số hiệu ${serial} (${input.delivery === "post" ? "gửi qua bưu điện" : "bản điện tử"}).`;
      break;
    case "correction":
      Object.assign(details, { fields: input.fields, correctValue: input.correctValue });
      body ||= `Đề nghị chỉnh sửa văn bằng số hiệu ${serial}: ${input.correctValue}`;
      break;
    case "confirmation":
      Object.assign(details, {
        agency: { name: input.agencyName, country: input.agencyCountry, email: input.agencyEmail },
        purpose: input.purpose,
        language: input.language,
      });
      body ||= `Đề nghị xác nhận văn bằng số hiệu ${serial} gửi ${input.agencyName} (${input.agencyCountry}).`;
      break;
  }

  try {
    const kase = await db.transaction(async (tx) => {
      const opened = await openCase(tx, {
        kind: input.kind,
        submitter: {
          userId: options.user.id,
          name: input.name,
          email: input.email,
          phone: input.phone || null,
          capacity: input.capacity,
        },
        organisationId,
        title: `${TITLES[input.kind]} — ${serial}`.slice(0, 300),
        body,
        diplomaId,
        details,
        actor: options.actor,
        origin: options.origin,
        receivedAt: options.now,
      });
      if (!opened.ok) throw new Rollback({ code: opened.code });
      for (const purpose of ["authorisation", "evidence", "receipt"] as const satisfies AttachmentPurpose[]) {
        const list = files[purpose];
        if (!list?.length) continue;
        const saved = await saveAttachments(tx, {
          caseId: opened.value.id,
          purpose,
          files: list,
          uploadedBy: options.user.id,
        });
        if (!saved.ok) throw new Rollback({ code: saved.code, fileName: saved.fileName });
      }
      return opened.value;
    });
    return ok(kase);
  } catch (error) {
    if (error instanceof Rollback) return { ...fail(error.failure.code), fileName: error.failure.fileName };
    throw error;
  }
}
