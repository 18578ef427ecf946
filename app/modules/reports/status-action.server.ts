import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { parseForm } from "~/lib/forms";
import { failureReply, readFormData } from "~/lib/http.server";
import { clientOf } from "~/lib/request-context";
import { REPORT_FAILURES } from "./failures";
import { changeFakeReportStatus, type ReportScope } from "./fake-reports.server";
import { ReportStatusSchema, type ReportActionData } from "./schema";

/** The status-change action shared by the school's and the ministry's report pages; the guard gives the scope. */
export async function reportStatusAction(
  request: Request,
  context: AppLoadContext,
  scope: ReportScope,
  userId: string,
) {
  const form = await readFormData(request);
  const reportId = String(form.get("reportId") ?? "");
  const parsed = parseForm(ReportStatusSchema, form);
  if (!parsed.ok)
    return json<ReportActionData>(
      { ok: false, reportId, values: parsed.values, fieldErrors: parsed.fieldErrors },
      { status: 400 },
    );
  const result = await changeFakeReportStatus(await getDb(), {
    scope,
    ...parsed.data,
    origin: getEnv().PUBLIC_ORIGIN,
    actor: { userId, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    return failureReply<ReportActionData>(REPORT_FAILURES[result.code], { ok: false, reportId, fieldErrors: {} });
  }
  return json<ReportActionData>({ ok: true, reportId, trackingCode: result.value.trackingCode });
}
