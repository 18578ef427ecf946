import type { FeedbackPanelData } from "~/modules/feedback/panel-data";

/** The feedback panel on the staff's case page (filled in by the feedback module). */
export function FeedbackPanel(_props: { data: FeedbackPanelData | null; caseCode: string }) {
  return null;
}
