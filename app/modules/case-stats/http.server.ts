/**
 * The answers of the report's export routes (the ministry's and a school's share them): CSV, XLSX, and the signed
 * PDF (a POST: signing writes a document and an audit row). A failure to sign goes back to the page with a notice.
 */
import { redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { localeFromRequest } from "~/lib/i18n";
import { signingOriginProblem } from "~/lib/public-origin";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import {
  caseStatsCsv,
  caseStatsXlsx,
  loadCaseStats,
  scopeFileTag,
  signCaseStatsReport,
  type CaseStatsScope,
} from "./case-stats.server";
import { caseStatsFilename, caseStatsParams } from "./schema";

const PRIVATE = { "Cache-Control": "private, no-store" };

export async function caseStatsExport(
  request: Request,
  scope: CaseStatsScope,
  format: "csv" | "xlsx",
): Promise<Response> {
  const { query, report } = await loadCaseStats(scope, new URL(request.url).searchParams);
  const locale = localeFromRequest(request);
  const filename = caseStatsFilename(scopeFileTag(scope), query, format);
  const disposition = { "Content-Disposition": `attachment; filename="${filename}"` };
  if (format === "csv")
    return new Response(caseStatsCsv(scope, report, locale), {
      headers: { "Content-Type": "text/csv; charset=utf-8", ...disposition, ...PRIVATE },
    });
  return new Response(new Uint8Array(caseStatsXlsx(scope, report, locale)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ...disposition,
      ...PRIVATE,
    },
  });
}

/** POST …/case-stats.pdf: signs the report of the query string's filters and answers with its PDF. */
export async function caseStatsSignedPdf(
  request: Request,
  scope: CaseStatsScope,
  options: { actor: AuditActor; pagePath: string },
): Promise<Response> {
  const { query, report } = await loadCaseStats(scope, new URL(request.url).searchParams);
  const back = (notice: string) => {
    const params = new URLSearchParams(caseStatsParams(query, { withOrganisation: scope.kind === "ministry" }));
    params.set("notice", notice);
    return redirect(`${options.pagePath}?${params.toString()}`);
  };
  const env = getEnv();
  const originProblem = signingOriginProblem(env);
  if (originProblem) return back(originProblem);
  const signed = await signCaseStatsReport(await getDb(), {
    scope,
    query,
    report,
    actor: options.actor,
    origin: env.PUBLIC_ORIGIN,
    locale: localeFromRequest(request),
  });
  if (!signed.ok) return back(signed.code);
  return new Response(new Uint8Array(signed.value.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${caseStatsFilename(scopeFileTag(scope), query, "pdf")}"`,
      "X-Document-Id": signed.value.id,
      ...PRIVATE,
    },
  });
}
