/**
 * A citizen's, business's, school staff member's or employer's question, feedback or petition, sent from /feedback:
 * rate-limited per client address, addressed to the ministry or to an accredited school, opened on the case core
 * with its attachments in one transaction (a refused file leaves no case behind).
 */
import type { Case } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import type { AttachmentProblem } from "~/modules/cases/attachment-rules";
import { saveAttachments } from "~/modules/cases/attachments.server";
import { openCase, type OpenCaseError } from "~/modules/cases/open-case.server";
import { findAccreditedSchool } from "./queries.server";
import { FEEDBACK_RATE_LIMIT, type FeedbackFormInput } from "./schema";

export type SubmitFeedbackError = "rate_limited" | "school_not_found" | OpenCaseError | AttachmentProblem;

class Refused extends Error {
  constructor(
    readonly code: SubmitFeedbackError,
    readonly fileName?: string,
  ) {
    super(code);
  }
}

export interface SubmitFeedbackOptions {
  input: FeedbackFormInput;
  files: readonly { name: string; bytes: Uint8Array }[];
  /** The signed-in person, or null. */
  user: { id: string; email: string; fullName: string | null } | null;
  actor: AuditActor;
  origin: string;
}

export async function submitFeedback(
  db: Database,
  options: SubmitFeedbackOptions,
): Promise<Result<{ case: Case }, SubmitFeedbackError> & { retryAfterSeconds?: number; fileName?: string }> {
  const { input, user } = options;
  const limit = await hitRateLimit(db, `feedback:${options.actor.ip ?? "unknown"}`, FEEDBACK_RATE_LIMIT);
  if (!limit.allowed) return { ...fail("rate_limited"), retryAfterSeconds: limit.retryAfterSeconds };
  let organisationId: string | null = null;
  if (input.addressee === "school") {
    const school = input.organisationCode ? await findAccreditedSchool(db, input.organisationCode) : null;
    if (!school) return fail("school_not_found");
    organisationId = school.id;
  }
  try {
    const kase = await db.transaction(async (tx) => {
      const opened = await openCase(tx, {
        kind: input.kind,
        submitter: {
          userId: user?.id ?? null,
          name: input.name ?? user?.fullName ?? null,
          email: input.email ?? user?.email ?? null,
          phone: input.phone,
          capacity: input.capacity,
        },
        organisationId,
        topic: input.topic,
        title: input.title,
        body: input.body,
        publishConsent: input.consent,
        actor: options.actor,
        origin: options.origin,
      });
      if (!opened.ok) throw new Refused(opened.code);
      const saved = await saveAttachments(tx, {
        caseId: opened.value.id,
        purpose: "evidence",
        files: options.files,
        uploadedBy: user?.id ?? null,
      });
      if (!saved.ok) throw new Refused(saved.code, saved.fileName);
      return opened.value;
    });
    return ok({ case: kase });
  } catch (error) {
    if (error instanceof Refused) return { ...fail(error.code), fileName: error.fileName };
    throw error;
  }
}
