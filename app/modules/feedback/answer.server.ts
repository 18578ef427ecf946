/**
 * The staff's side of a question, feedback or petition: the signed answer (the case resolves with it), and, with
 * the submitter's consent, its publication in the Q&A library with personal data removed (or its withdrawal).
 */
import type { Case, PublishedAnswer } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { kindRule } from "~/modules/cases/case-kinds";
import { decideTransition } from "~/modules/cases/case-transitions";
import { moveCase, type MoveCaseError } from "~/modules/cases/move-case.server";
import type { PanelViewer } from "~/modules/cases/panel-contract";
import { findCaseInScope } from "~/modules/cases/queries.server";
import { signOrganisationDocument, type SignDocumentError } from "~/modules/cases/sign-document.server";
import { upsertPublishedAnswer, withdrawPublishedAnswer } from "./queries.server";
import { redactPersonalData } from "./redact";
import { isFeedbackTopic } from "./topics";

/** The public note of the answer's timeline event (the public lookup shows it; no personal data). */
export const ANSWERED_NOTE = "Đã trả lời bằng văn bản có chữ ký số / Answered with a signed reply.";

export function questionText(kase: Pick<Case, "title" | "body">): string {
  return `${kase.title}\n\n${kase.body}`;
}

/** The question as it may be shown outside the case: personal data removed. */
export function redactedQuestion(kase: Pick<Case, "title" | "body" | "submitterName">): string {
  return redactPersonalData(questionText(kase), { submitterName: kase.submitterName });
}

class Abort extends Error {
  constructor(readonly code: AnswerError) {
    super(code);
  }
}

export type AnswerError = "not_found" | "not_feedback" | MoveCaseError | SignDocumentError;

export interface AnswerOptions {
  caseId: string;
  viewer: PanelViewer;
  answer: string;
  origin: string;
  ip: string | null;
  now?: Date;
}

/**
 * Signs the answer as the handling organisation (the ministry's key when the case is the ministry's, else the
 * school's) and resolves the case with it, in one transaction: a refused move leaves no signed document behind.
 */
export async function answerFeedbackCase(
  db: Executor,
  options: AnswerOptions,
): Promise<Result<{ case: Case; documentId: string }, AnswerError>> {
  const actor = { userId: options.viewer.userId, ip: options.ip, role: options.viewer.role };
  try {
    return await db.transaction(async (tx) => {
      const kase = await findCaseInScope(tx, options.caseId, options.viewer.scope);
      if (!kase) throw new Abort("not_found");
      if (kindRule(kase.kind).family !== "feedback") throw new Abort("not_feedback");
      const allowed = decideTransition({
        kind: kase.kind,
        status: kase.status,
        rated: kase.rating !== null,
        action: "resolve",
        actor: options.viewer.role,
        note: ANSWERED_NOTE,
      });
      if (!allowed.ok) throw new Abort(allowed.code);
      const now = options.now ?? new Date();
      const signed = await signOrganisationDocument(tx, {
        kind: "case_reply",
        organisationId: kase.organisationId,
        caseId: kase.id,
        name: `Trả lời ${kase.code}`,
        subject: {
          caseCode: kase.code,
          caseKind: kase.kind,
          topic: kase.topic,
          question: redactedQuestion(kase),
          answer: options.answer,
          answeredOn: now.toISOString().slice(0, 10),
        },
        origin: options.origin,
        actor,
        now,
      });
      if (!signed.ok) throw new Abort(signed.code);
      const moved = await moveCase(tx, {
        caseId: kase.id,
        action: "resolve",
        actor,
        scope: options.viewer.scope,
        note: ANSWERED_NOTE,
        outcome: "answered",
        resultDocumentId: signed.value.id,
        detailsPatch: { answer: options.answer },
        origin: options.origin,
        now,
      });
      if (!moved.ok) throw new Abort(moved.code);
      return ok({ case: moved.value.case, documentId: signed.value.id });
    });
  } catch (error) {
    if (error instanceof Abort) return fail(error.code);
    throw error;
  }
}

export type PublishError = "not_found" | "not_answered" | "no_consent" | "invalid_topic" | "not_published";

export interface PublishOptions {
  caseId: string;
  viewer: PanelViewer;
  question: string;
  answer: string;
  topic: string;
  ip: string | null;
  now?: Date;
}

/** Puts the reviewed (redacted) question and answer of an answered case into the library, when its submitter agreed. */
export async function publishFeedbackAnswer(
  db: Executor,
  options: PublishOptions,
): Promise<Result<PublishedAnswer, PublishError>> {
  return db.transaction(async (tx) => {
    const kase = await findCaseInScope(tx, options.caseId, options.viewer.scope);
    if (!kase || kindRule(kase.kind).family !== "feedback") return fail("not_found");
    if (kase.status !== "resolved" || kase.outcome !== "answered") return fail("not_answered");
    if (!kase.publishConsent) return fail("no_consent");
    if (!isFeedbackTopic(options.topic)) return fail("invalid_topic");
    const row = await upsertPublishedAnswer(tx, {
      caseId: kase.id,
      topic: options.topic,
      question: options.question,
      answer: options.answer,
      organisationId: kase.organisationId,
      documentId: kase.resultDocumentId,
      publishedBy: options.viewer.userId,
      now: options.now ?? new Date(),
    });
    await recordAudit(
      tx,
      { userId: options.viewer.userId, ip: options.ip },
      {
        action: "feedback.publish",
        entityType: "published_answer",
        entityId: row.id,
        organisationId: kase.organisationId,
        details: { code: kase.code, topic: options.topic },
      },
    );
    return ok(row);
  });
}

/** Takes a case's answer out of the library (it stays in the case). */
export async function unpublishFeedbackAnswer(
  db: Executor,
  options: { caseId: string; viewer: PanelViewer; ip: string | null; now?: Date },
): Promise<Result<PublishedAnswer, PublishError>> {
  return db.transaction(async (tx) => {
    const kase = await findCaseInScope(tx, options.caseId, options.viewer.scope);
    if (!kase || kindRule(kase.kind).family !== "feedback") return fail("not_found");
    const row = await withdrawPublishedAnswer(tx, kase.id, options.now ?? new Date());
    if (!row) return fail("not_published");
    await recordAudit(
      tx,
      { userId: options.viewer.userId, ip: options.ip },
      {
        action: "feedback.unpublish",
        entityType: "published_answer",
        entityId: row.id,
        organisationId: kase.organisationId,
        details: { code: kase.code },
      },
    );
    return ok(row);
  });
}
