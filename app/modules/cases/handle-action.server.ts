/**
 * The actions of the staff's case page (/cases/{code}/handle): guard done by the route, then parse (Zod), the use-case
 * (moveCase, moveCaseWithFiles, or a panel's own intent), and a redirect with a notice or the form again with the
 * Vietnamese message of CASE_FAILURES. Kept out of the route so the route stays a guard and a page.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { Case } from "../../../db/schema/cases";
import { getDb, type Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm } from "~/lib/forms";
import { failureReply } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { clientOf } from "~/lib/request-context";
import { kindRule, normaliseCaseCode } from "./case-kinds";
import { assignableStaff, isAccreditedSchool } from "./case-pages.server";
import { CASE_FAILURES } from "./failures";
import { AttachSchema, OUTCOMES_BY_FAMILY, StaffIntentSchema } from "./handle-forms";
import { moveCase, type MoveCaseOptions } from "./move-case.server";
import { moveCaseWithFiles } from "./move-case-with-files.server";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "./panel-contract";
import { readCaseForm } from "./read-upload.server";

/** What a refused form gets back: its intent (which form to show the message on), the values typed, the errors. */
export interface CaseActionData {
  intent: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
  formErrorParams?: Record<string, string>;
}

export function staffCasePath(code: string): string {
  return `/cases/${encodeURIComponent(code)}/handle`;
}

/**
 * The services' and feedback's intent handlers (app/modules/cases/panel-contract.ts), handed in by the route: those
 * modules import the contract from this one, so this module must not import them back.
 */
export interface PanelIntentHandlers {
  service: (db: Executor, args: PanelIntentArgs) => Promise<PanelIntentResult | null>;
  feedback: (db: Executor, args: PanelIntentArgs) => Promise<PanelIntentResult | null>;
  fakeReport: (db: Executor, args: PanelIntentArgs) => Promise<PanelIntentResult | null>;
}

/** Which panel answers an intent, by its prefix. */
function panelOf(intent: string, panels: PanelIntentHandlers) {
  if (intent.startsWith("service.")) return panels.service;
  if (intent.startsWith("feedback.")) return panels.feedback;
  if (intent.startsWith("fake_report.")) return panels.fakeReport;
  return null;
}

const reply = (data: CaseActionData, status: number) => json<CaseActionData>(data, { status });

export async function handleStaffAction(
  request: Request,
  context: AppLoadContext | undefined,
  found: { kase: Case; viewer: PanelViewer },
  panels: PanelIntentHandlers,
): Promise<Response> {
  const { kase, viewer } = found;
  const here = staffCasePath(kase.code);
  const origin = getEnv().PUBLIC_ORIGIN;
  const ip = clientOf(request, context).ip;
  const db = await getDb();
  const { form, files, tooLarge } = await readCaseForm(request);
  const intent = String(form.get("intent") ?? (tooLarge ? "attach" : ""));

  const panel = panelOf(intent, panels);
  if (panel) {
    const args: PanelIntentArgs = { intent, form, kase, viewer, origin, ip };
    const result = await panel(db, args);
    if (!result) return reply({ intent, formError: "form.invalid" }, 400);
    if (result.ok) return redirect(`${here}?panelNotice=${encodeURIComponent(result.notice)}`);
    return reply(
      { intent, values: formValues(form), fieldErrors: result.fieldErrors ?? {}, formError: result.message },
      result.status,
    );
  }

  const actor = { userId: viewer.userId, ip, role: viewer.role };
  if (intent === "attach") {
    if (tooLarge) return failureReply(CASE_FAILURES.attachment_too_large, { intent, formErrorParams: { file: "" } });
    const parsed = parseForm(AttachSchema, form);
    if (!parsed.ok) return reply({ intent, values: parsed.values, fieldErrors: parsed.fieldErrors }, 400);
    if (files.length === 0) return reply({ intent, fieldErrors: { files: "cases.error.no_file" } }, 400);
    const result = await moveCaseWithFiles(
      db,
      {
        caseId: kase.id,
        action: "note",
        actor,
        scope: viewer.scope,
        internalNote: parsed.data.note || files.map((f) => f.name).join(", "),
        data: { attached: files.length },
        origin,
      },
      { purpose: parsed.data.purpose, files },
    );
    if (!result.ok)
      return failureReply(CASE_FAILURES[result.code], {
        intent,
        values: formValues(form),
        formErrorParams: { file: result.fileName ?? "" },
      });
    return redirect(`${here}?notice=attach`);
  }

  const parsed = parseForm(StaffIntentSchema, form);
  if (!parsed.ok) return reply({ intent, values: parsed.values, fieldErrors: parsed.fieldErrors }, 400);
  const input = parsed.data;
  const values = formValues(form);
  const move: MoveCaseOptions = { caseId: kase.id, action: input.intent, actor, scope: viewer.scope, origin };
  switch (input.intent) {
    case "accept":
    case "request_info":
    case "refuse":
      move.note = input.note;
      break;
    case "resolve":
      if (!(OUTCOMES_BY_FAMILY[kindRule(kase.kind).family] as readonly string[]).includes(input.outcome))
        return reply({ intent, values, fieldErrors: { outcome: "form.invalid" } }, 400);
      move.note = input.note;
      move.outcome = input.outcome;
      break;
    case "assign": {
      if (!input.assigneeUserId && !input.department)
        return reply({ intent, values, fieldErrors: { assigneeUserId: "cases.error.assign_empty" } }, 400);
      if (input.assigneeUserId) {
        const staff = await assignableStaff(db, kase.organisationId);
        if (!staff.some((s) => s.id === input.assigneeUserId))
          return reply({ intent, values, fieldErrors: { assigneeUserId: "form.invalid" } }, 400);
        move.assigneeUserId = input.assigneeUserId;
      }
      if (input.department) {
        if (kase.organisationId !== null)
          return reply({ intent, values, fieldErrors: { department: "form.invalid" } }, 400);
        move.department = input.department;
      }
      break;
    }
    case "merge": {
      const target = normaliseCaseCode(input.mergeInto);
      if (!target) return failureReply(CASE_FAILURES.merge_target_not_found, { intent, values });
      move.mergeIntoCode = target;
      move.note = input.note;
      break;
    }
    case "forward": {
      if (input.to !== "ministry" && !(await isAccreditedSchool(db, input.to)))
        return failureReply(CASE_FAILURES.forward_target_invalid, { intent, values });
      move.forwardToOrganisationId = input.to === "ministry" ? null : input.to;
      move.note = input.note;
      break;
    }
    case "note":
      move.internalNote = input.internalNote;
      break;
  }
  const result = await moveCase(db, move);
  if (!result.ok) return failureReply(CASE_FAILURES[result.code], { intent, values });
  return redirect(`${here}?notice=${input.intent}`);
}
