/**
 * Reports of a suspected fake diploma, on the case core (kind fake_report): opened by anyone from the verify page
 * (no account, the e-mail optional), followed by code on the public case page, handled by the school the QR code
 * names (else the ministry) in the case queues, and closed with a signed result: genuine or fake.
 */
import { eq } from "drizzle-orm";
import { diplomas, type Case } from "../../../db/schema";
import { type Database, type Executor, withDefaultDb } from "~/lib/db.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { decideTransition, type CaseActorRole } from "~/modules/cases/case-transitions";
import { moveCase, type MoveCaseError } from "~/modules/cases/move-case.server";
import { openCase, type OpenCaseError } from "~/modules/cases/open-case.server";
import { findCaseInScope, type CaseScope } from "~/modules/cases/queries.server";
import { signOrganisationDocument, type SignDocumentError } from "~/modules/cases/sign-document.server";
import { decodeQrPayload } from "~/modules/qr/payload";
import { findSchoolByCode } from "~/modules/verification/queries.server";
import { FAKE_REPORT_RATE_LIMIT, reportTitle, type FakeReportInput, type ResolveFakeReportInput } from "./schema";

/** The school a submitted QR text (or serial number) names, when it is one of ours; else null. */
async function schoolOf(db: Executor, text: string, origin: string): Promise<string | null> {
  if (!text) return null;
  const decoded = decodeQrPayload(text, { expectedOrigins: [origin] });
  if (decoded.ok) return (await findSchoolByCode(db, decoded.fields.schoolCode))?.id ?? null;
  if (text.length > 64) return null;
  // A serial number: only when exactly one school issued a diploma with it.
  const rows = await db
    .selectDistinct({ organisationId: diplomas.organisationId })
    .from(diplomas)
    .where(eq(diplomas.serial, text))
    .limit(2);
  return rows.length === 1 ? rows[0]!.organisationId : null;
}

export type SubmitFakeReportError = "rate_limited" | OpenCaseError;

/**
 * Opens a fake_report case (GB-YYYY-NNNNNN) for the school the QR names, or the ministry; rate-limited per client
 * address. The reporter is anonymous; the e-mail, when given, only receives the case's progress.
 */
export const submitFakeReport = withDefaultDb(async function submitFakeReport(
  db: Database,
  options: { input: FakeReportInput; origin: string; actor: AuditActor; userId?: string | null; receivedAt?: Date },
): Promise<Result<{ code: string; case: Case }, SubmitFakeReportError> & { retryAfterSeconds?: number }> {
  const limit = await hitRateLimit(db, `fake-report:${options.actor.ip ?? "unknown"}`, FAKE_REPORT_RATE_LIMIT);
  if (!limit.allowed) return { ...fail("rate_limited"), retryAfterSeconds: limit.retryAfterSeconds };
  const { input } = options;
  const organisationId = await schoolOf(db, input.qr, options.origin);
  const opened = await openCase(db, {
    kind: "fake_report",
    submitter: { userId: options.userId ?? null, email: input.email || null, anonymous: true, capacity: "citizen" },
    organisationId,
    title: reportTitle(input.description),
    body: input.description,
    details: { qr: input.qr || null, verdict: input.verdict || null },
    actor: options.actor,
    origin: options.origin,
    receivedAt: options.receivedAt,
  });
  if (!opened.ok) return opened;
  return ok({ code: opened.value.code, case: opened.value });
});

export type ResolveFakeReportError = MoveCaseError | SignDocumentError | "not_a_fake_report";

class Rollback extends Error {
  constructor(readonly code: ResolveFakeReportError) {
    super(code);
  }
}

/**
 * Closes a fake report with its outcome (genuine | fake) and a public note: the handling organisation (a school, or
 * the ministry) signs the result (a case_result credential) and the case resolves with it, in one transaction.
 * Nothing is signed when the move is not allowed; nothing is written when the signing fails.
 */
export async function resolveFakeReport(
  db: Database,
  options: {
    caseId: string;
    scope: CaseScope;
    role: Extract<CaseActorRole, "officer" | "ministry">;
    input: ResolveFakeReportInput;
    actor: AuditActor;
    origin: string;
    now?: Date;
  },
): Promise<Result<Case, ResolveFakeReportError>> {
  const now = options.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const kase = await findCaseInScope(tx, options.caseId, options.scope);
      if (!kase || kase.kind !== "fake_report") throw new Rollback("not_a_fake_report");
      const allowed = decideTransition({
        kind: kase.kind,
        status: kase.status,
        rated: kase.rating !== null,
        action: "resolve",
        actor: options.role,
        note: options.input.note,
      });
      if (!allowed.ok) throw new Rollback(allowed.code);
      const signed = await signOrganisationDocument(tx, {
        kind: "case_result",
        organisationId: kase.organisationId,
        caseId: kase.id,
        name: "Kết quả xác minh phản ánh văn bằng nghi giả",
        subject: {
          caseCode: kase.code,
          caseKind: kase.kind,
          outcome: options.input.outcome,
          note: options.input.note,
          decidedOn: now.toISOString().slice(0, 10),
        },
        origin: options.origin,
        actor: options.actor,
        now,
      });
      if (!signed.ok) throw new Rollback(signed.code);
      const moved = await moveCase(tx, {
        caseId: kase.id,
        action: "resolve",
        actor: { ...options.actor, role: options.role },
        scope: options.scope,
        note: options.input.note,
        outcome: options.input.outcome,
        resultDocumentId: signed.value.id,
        origin: options.origin,
        now,
      });
      if (!moved.ok) throw new Rollback(moved.code);
      return ok(moved.value.case);
    });
  } catch (error) {
    if (error instanceof Rollback) return fail(error.code);
    throw error;
  }
}
