/** What the report's page loads, for the ministry's and a school's page alike. */
import type { MessageKey } from "~/lib/i18n";
import { caseStatsFacets, loadCaseStats, type CaseStatsScope } from "./case-stats.server";
import { CASE_STATS_FAILURES } from "./failures";
import { caseStatsParams } from "./schema";

export async function caseStatsPageData(request: Request, scope: CaseStatsScope, options: { canSign: boolean }) {
  const url = new URL(request.url);
  const [{ query, report }, facets] = await Promise.all([
    loadCaseStats(scope, url.searchParams),
    caseStatsFacets(scope),
  ]);
  const notice = url.searchParams.get("notice");
  const noticeKey: MessageKey | null =
    notice && Object.hasOwn(CASE_STATS_FAILURES, notice)
      ? CASE_STATS_FAILURES[notice as keyof typeof CASE_STATS_FAILURES].message
      : null;
  return {
    query,
    report,
    facets,
    exportQuery: caseStatsParams(query, { withOrganisation: scope.kind === "ministry" }),
    signerName: scope.kind === "school" ? scope.organisation.name : null,
    canSign: options.canSign,
    notice: noticeKey,
  };
}
