import type { MessageKey } from "~/lib/i18n";
import type { FakeReportOutcome } from "./schema";

/** The name of each outcome of a fake-diploma report. */
export const REPORT_OUTCOME_LABELS = {
  genuine: "reports.outcome.genuine",
  fake: "reports.outcome.fake",
} as const satisfies Record<FakeReportOutcome, MessageKey>;
