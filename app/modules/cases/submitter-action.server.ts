/**
 * The submitter's actions on their own case (/my/cases/{code}): supply what was asked for (with files, purpose
 * "evidence"), withdraw, rate after closing. The case is found within the submitter's scope (moveCase's lookup), so
 * someone else's case answers 404. A submitter's words go in the event's internal note: the public lookup shows
 * public notes, and a message of the submitter may hold personal data.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { Case } from "../../../db/schema/cases";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm } from "~/lib/forms";
import { failureReply } from "~/lib/http.server";
import { clientOf } from "~/lib/request-context";
import { CASE_FAILURES } from "./failures";
import type { CaseActionData } from "./handle-action.server";
import { SubmitterIntentSchema } from "./handle-forms";
import { moveCase } from "./move-case.server";
import { moveCaseWithFiles } from "./move-case-with-files.server";
import { readCaseForm } from "./read-upload.server";

export function ownCasePath(code: string): string {
  return `/my/cases/${encodeURIComponent(code)}`;
}

export async function handleSubmitterAction(
  request: Request,
  context: AppLoadContext | undefined,
  kase: Case,
  userId: string,
): Promise<Response> {
  const here = ownCasePath(kase.code);
  const db = await getDb();
  const { form, files, tooLarge } = await readCaseForm(request);
  if (tooLarge)
    return failureReply(CASE_FAILURES.attachment_too_large, { intent: "supply_info", formErrorParams: { file: "" } });
  const parsed = parseForm(SubmitterIntentSchema, form);
  const intent = String(form.get("intent") ?? "");
  if (!parsed.ok)
    return json<CaseActionData>({ intent, values: parsed.values, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const input = parsed.data;
  const values = formValues(form);
  const base = {
    caseId: kase.id,
    actor: { userId, ip: clientOf(request, context).ip, role: "submitter" as const },
    scope: { kind: "submitter" as const, userId },
    origin: getEnv().PUBLIC_ORIGIN,
  };
  if (input.intent === "supply_info") {
    const result = await moveCaseWithFiles(
      db,
      { ...base, action: "supply_info", internalNote: input.note || undefined, data: { files: files.length } },
      { purpose: "evidence", files },
    );
    if (!result.ok)
      return failureReply(CASE_FAILURES[result.code], {
        intent,
        values,
        formErrorParams: { file: result.fileName ?? "" },
      });
    return redirect(`${here}?notice=supply_info`);
  }
  const result =
    input.intent === "withdraw"
      ? await moveCase(db, { ...base, action: "withdraw", internalNote: input.note || undefined })
      : await moveCase(db, { ...base, action: "rate", rating: input.rating, ratingComment: input.comment });
  if (!result.ok) return failureReply(CASE_FAILURES[result.code], { intent, values });
  return redirect(`${here}?notice=${input.intent}`);
}
