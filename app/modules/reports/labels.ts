import type { MessageKey } from "~/lib/i18n";
import type { FakeReportStatus } from "../../../db/schema/reports";

/** The name of each status of a fake-diploma report. */
export const REPORT_STATUS_LABELS = {
  received: "reports.status.received",
  investigating: "reports.status.investigating",
  closed_genuine: "reports.status.closed_genuine",
  closed_fake: "reports.status.closed_fake",
} as const satisfies Record<FakeReportStatus, MessageKey>;
