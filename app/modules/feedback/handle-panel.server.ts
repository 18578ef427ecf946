/**
 * Feedback's part of the staff's case page (app/modules/cases/panel-contract.ts): the panel's data and its own
 * intents: "feedback.answer" (sign the answer, resolve the case), "feedback.publish" and "feedback.unpublish" (the
 * Q&A library).
 */
import type { Case } from "../../../db/schema/cases";
import type { Executor } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import type { MessageKey } from "~/lib/i18n";
import { kindRule } from "~/modules/cases/case-kinds";
import { decideTransition } from "~/modules/cases/case-transitions";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "~/modules/cases/panel-contract";
import {
  answerFeedbackCase,
  publishFeedbackAnswer,
  redactedQuestion,
  unpublishFeedbackAnswer,
  type AnswerError,
  type PublishError,
} from "./answer.server";
import type { FeedbackPanelData } from "./panel-data";
import { findAnswerOfCase } from "./queries.server";
import { redactPersonalData } from "./redact";
import { AnswerFormSchema, PublishFormSchema } from "./schema";

export async function loadFeedbackPanel(
  db: Executor,
  kase: Case,
  viewer: PanelViewer,
): Promise<FeedbackPanelData | null> {
  if (kindRule(kase.kind).family !== "feedback") return null;
  const details = kase.details as Record<string, unknown>;
  const answer = typeof details.answer === "string" ? details.answer : null;
  const entry = await findAnswerOfCase(db, kase.id);
  const canAnswer = decideTransition({
    kind: kase.kind,
    status: kase.status,
    rated: kase.rating !== null,
    action: "resolve",
    actor: viewer.role,
    note: "answer",
  }).ok;
  return {
    caseKind: kase.kind,
    topic: kase.topic,
    canAnswer,
    answer,
    documentId: kase.resultDocumentId,
    publishConsent: kase.publishConsent,
    canPublish: kase.status === "resolved" && kase.outcome === "answered" && kase.publishConsent,
    draft: entry
      ? { question: entry.question, answer: entry.answer, topic: entry.topic }
      : {
          question: redactedQuestion(kase),
          answer: redactPersonalData(answer ?? "", { submitterName: kase.submitterName }),
          topic: kase.topic ?? "other",
        },
    published: entry ? { id: entry.id, withdrawn: entry.withdrawnAt !== null } : null,
    voterPetition:
      kase.kind === "voter_petition"
        ? {
            deputy: String(details.deputy ?? ""),
            province: String(details.province ?? ""),
            session: kase.assemblySession,
          }
        : null,
  };
}

const ANSWER_ERRORS: Record<AnswerError, { status: number; message: MessageKey }> = {
  not_found: { status: 404, message: "feedback.error.notFound" },
  not_feedback: { status: 404, message: "feedback.error.notFound" },
  not_allowed_now: { status: 409, message: "feedback.error.notNow" },
  not_allowed_for_kind: { status: 409, message: "feedback.error.notNow" },
  not_your_part: { status: 403, message: "feedback.error.notYours" },
  already_rated: { status: 409, message: "feedback.error.notNow" },
  note_required: { status: 400, message: "feedback.error.answer" },
  invalid_rating: { status: 400, message: "feedback.error.notNow" },
  merge_target_not_found: { status: 409, message: "feedback.error.notNow" },
  forward_target_invalid: { status: 409, message: "feedback.error.notNow" },
  organisation_not_found: { status: 409, message: "feedback.error.noKey" },
  no_active_key: { status: 409, message: "feedback.error.noKey" },
  key_unreadable: { status: 503, message: "feedback.error.noKey" },
};

const PUBLISH_ERRORS: Record<PublishError, { status: number; message: MessageKey }> = {
  not_found: { status: 404, message: "feedback.error.notFound" },
  not_answered: { status: 409, message: "feedback.error.notAnswered" },
  no_consent: { status: 409, message: "feedback.error.noConsent" },
  invalid_topic: { status: 400, message: "feedback.error.topic" },
  not_published: { status: 409, message: "feedback.error.notPublished" },
};

/** Handles a "feedback.*" intent; null when the intent is not one of feedback's. */
export async function handleFeedbackIntent(db: Executor, args: PanelIntentArgs): Promise<PanelIntentResult | null> {
  if (!args.intent.startsWith("feedback.")) return null;
  const { kase, viewer } = args;
  switch (args.intent) {
    case "feedback.answer": {
      const parsed = parseForm(AnswerFormSchema, args.form);
      if (!parsed.ok) return { ok: false, status: 400, message: "feedback.error.fix", fieldErrors: parsed.fieldErrors };
      const done = await answerFeedbackCase(db, {
        caseId: kase.id,
        viewer,
        answer: parsed.data.answer,
        origin: args.origin,
        ip: args.ip,
      });
      if (!done.ok) return { ok: false, ...ANSWER_ERRORS[done.code] };
      return { ok: true, notice: "feedback.notice.answered" };
    }
    case "feedback.publish": {
      const parsed = parseForm(PublishFormSchema, args.form);
      if (!parsed.ok) return { ok: false, status: 400, message: "feedback.error.fix", fieldErrors: parsed.fieldErrors };
      const done = await publishFeedbackAnswer(db, { caseId: kase.id, viewer, ip: args.ip, ...parsed.data });
      if (!done.ok) return { ok: false, ...PUBLISH_ERRORS[done.code] };
      return { ok: true, notice: "feedback.notice.published" };
    }
    case "feedback.unpublish": {
      const done = await unpublishFeedbackAnswer(db, { caseId: kase.id, viewer, ip: args.ip });
      if (!done.ok) return { ok: false, ...PUBLISH_ERRORS[done.code] };
      return { ok: true, notice: "feedback.notice.unpublished" };
    }
    default:
      return { ok: false, status: 400, message: "feedback.error.unknownIntent" };
  }
}
