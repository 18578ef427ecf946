/**
 * The fake reports' part of the staff's case page (app/modules/cases/panel-contract.ts): what was reported (the QR
 * text and the verify page's verdict) and the verdict form, whose intent "fake_report.resolve" signs the result and
 * closes the case (resolveFakeReport).
 */
import type { Case } from "../../../db/schema/cases";
import type { Database, Executor } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { decideTransition } from "~/modules/cases/case-transitions";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "~/modules/cases/panel-contract";
import { resolveFakeReport } from "./fake-reports.server";
import { REPORT_FAILURES } from "./failures";
import type { FakeReportPanelData } from "./panel-data";
import { FAKE_REPORT_OUTCOMES, ResolveFakeReportSchema, type FakeReportOutcome } from "./schema";

export async function loadFakeReportPanel(
  _db: Executor,
  kase: Case,
  viewer: PanelViewer,
): Promise<FakeReportPanelData | null> {
  if (kase.kind !== "fake_report") return null;
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  const outcome = (FAKE_REPORT_OUTCOMES as readonly string[]).includes(kase.outcome ?? "")
    ? (kase.outcome as FakeReportOutcome)
    : null;
  return {
    qr: text(kase.details.qr),
    verdict: text(kase.details.verdict),
    outcome,
    resultDocumentId: kase.resultDocumentId,
    canResolve: decideTransition({
      kind: kase.kind,
      status: kase.status,
      rated: kase.rating !== null,
      action: "resolve",
      actor: viewer.role,
      note: "(a note)",
    }).ok,
  };
}

/** Handles a "fake_report.*" intent; null when the intent is not one of the fake reports'. */
export async function handleFakeReportIntent(db: Database, args: PanelIntentArgs): Promise<PanelIntentResult | null> {
  if (args.intent !== "fake_report.resolve") return null;
  const parsed = parseForm(ResolveFakeReportSchema, args.form);
  if (!parsed.ok) return { ok: false, status: 400, message: "reports.form.fix", fieldErrors: parsed.fieldErrors };
  const result = await resolveFakeReport(db, {
    caseId: args.kase.id,
    scope: args.viewer.scope,
    role: args.viewer.role,
    input: parsed.data,
    actor: { userId: args.viewer.userId, ip: args.ip },
    origin: args.origin,
  });
  if (!result.ok) {
    const failure = REPORT_FAILURES[result.code];
    return { ok: false, status: failure.status, message: failure.message };
  }
  return { ok: true, notice: "reports.panel.resolved" };
}
